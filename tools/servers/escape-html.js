// The HTML escaper of the local stand-in servers (mailbox, OIDC provider, Stripe pages), which run as
// plain Node scripts without the build; the app's own is escapeHtml in libs/core, with the same map.
'use strict';

const ESCAPES = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };

function escapeHtml(value) {
  return String(value ?? '').replace(/[&"'<>\\]/g, (character) => ESCAPES[character]);
}

module.exports = { escapeHtml };
