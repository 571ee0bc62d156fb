// The pages of the local Stripe stand-in (tools/servers/stripe-pages.js): Checkout and the Customer
// Portal, plain HTML forms that work without JavaScript, at phone and laptop widths.
'use strict';
const { escapeHtml } = require('./escape-html');

function money(cents, currency) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: (currency || 'usd').toUpperCase() }).format(
    cents / 100,
  );
}

function page(title, body, { status = 200 } = {}) {
  return {
    status,
    html: `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1f36;background:#f6f9fc}
.banner{background:#fff4d6;color:#5c4400;padding:.5rem 1rem;font-size:.9rem;text-align:center}
main{max-width:30rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #e3e8ee;border-radius:8px;padding:1.5rem;margin-bottom:1rem;overflow-wrap:anywhere}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:0 0 .6rem}.amount{font-size:2rem;font-weight:700;margin:.2rem 0 1rem}
label{display:block;font-weight:600;margin:.8rem 0 .2rem}input,select{width:100%;padding:.6rem;font:inherit;border:1px solid #c4cdd5;border-radius:6px}
.row{display:flex;gap:.6rem}.row>label{flex:1}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:400}label.check input{width:auto}
button{margin-top:1rem;width:100%;padding:.75rem;font:inherit;font-weight:600;color:#fff;background:#635bff;border:0;border-radius:6px;cursor:pointer}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #c4cdd5}
.error{background:#fdecea;color:#8a1c11;border:1px solid #f5c2bc;border-radius:6px;padding:.7rem}
.notice{background:#e6f4ea;color:#14532d;border:1px solid #b7dfc4;border-radius:6px;padding:.7rem}
.muted{color:#5c6773;font-size:.9rem}a{color:#635bff}
</style>
<p class="banner">Local stand-in for Stripe (<code>npm start</code> and tests). No money moves.</p>
<main>${body}</main></html>`,
  };
}

/** The Checkout page of a session, for its tier (or the price id when the app names no such tier). */
function checkoutPage(session, tier, { error, values } = {}) {
  const price = tier ? `${money(tier.priceCents, tier.currency)} per ${tier.interval}` : session.priceId;
  if (session.status === 'complete') {
    return page(
      'Already paid',
      `<div class="card"><h1>This checkout is complete</h1>
<p><a href="${escapeHtml(session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id))}">Return to the council</a></p></div>`,
    );
  }
  return page(
    `Pay Roundtable`,
    `<div class="card"><p class="muted">Roundtable</p><h1>Subscribe to ${escapeHtml(tier ? tier.name : 'Roundtable')}</h1>
<p class="amount">${escapeHtml(price)}</p>
${error ? `<p class="error" role="alert" id="card-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/checkout/${escapeHtml(session.id)}">
<label for="email">Email</label><input id="email" name="email" type="email" value="${escapeHtml(session.email || '')}" autocomplete="email">
<label for="card">Card number</label><input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="${escapeHtml(values?.card ?? '4242 4242 4242 4242')}"${error ? ' aria-invalid="true" aria-describedby="card-error"' : ''}>
<div class="row"><label>Expiry<input name="expiry" value="12 / 34" autocomplete="cc-exp"></label><label>CVC<input name="cvc" value="123" autocomplete="cc-csc"></label></div>
<label for="name">Name on card</label><input id="name" name="name" autocomplete="cc-name" value="${escapeHtml(values?.name ?? '')}">
<button type="submit">Pay ${escapeHtml(tier ? money(tier.priceCents, tier.currency) : '')}</button>
</form>
<p class="muted">Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.</p>
<p><a href="${escapeHtml(session.cancelUrl)}">← Back to Roundtable</a></p></div>`,
    { status: error ? 402 : 200 },
  );
}

/** The Customer Portal of a customer: their subscription, the other tiers, their card, and what just happened. */
function portalPage(portal, { sub, list, card }, { error, notice } = {}) {
  const tier = sub && list.find((t) => t.stripePriceId === sub.priceId);
  const until = sub
    ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(sub.periodEnd * 1000),
      )
    : '';
  const messages = `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}${
    notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''
  }`;
  if (!sub) {
    return page(
      'Roundtable billing',
      `${messages}<div class="card"><h1>Roundtable billing</h1><p>No subscription yet.</p><p><a href="${escapeHtml(portal.returnUrl)}">← Return to Roundtable</a></p></div>`,
    );
  }
  const action = (name) => `/portal/${escapeHtml(portal.id)}/${name}`;
  const options = list
    .filter((t) => t.stripePriceId !== sub.priceId)
    .map(
      (t) =>
        `<option value="${escapeHtml(t.stripePriceId)}">${escapeHtml(t.name)} — ${escapeHtml(money(t.priceCents, t.currency))} per ${escapeHtml(t.interval)}</option>`,
    )
    .join('');
  return page(
    'Roundtable billing',
    `<p><a href="${escapeHtml(portal.returnUrl)}">← Return to Roundtable</a></p>${messages}
<div class="card"><h1>Current plan</h1>
<p class="amount">${escapeHtml(tier ? tier.name : sub.priceId)}</p>
<p>${tier ? `${escapeHtml(money(tier.priceCents, tier.currency))} per ${escapeHtml(tier.interval)}. ` : ''}${
      sub.cancelAtPeriodEnd ? `Cancels on ${escapeHtml(until)}.` : `Renews on ${escapeHtml(until)}.`
    }</p>
${
  sub.cancelAtPeriodEnd
    ? `<form method="post" action="${action('renew')}"><button type="submit">Renew plan</button></form>`
    : `<form method="post" action="${action('cancel')}">
<p class="muted">Cancelling stops renewal: you keep your membership until ${escapeHtml(until)}, then it ends. Until then, “Renew plan” here undoes it.</p>
<label class="check"><input type="checkbox" name="confirm" value="yes"> I confirm: cancel my plan</label>
<button type="submit" class="secondary">Cancel plan</button></form>`
}</div>
${
  options && !sub.cancelAtPeriodEnd
    ? `<div class="card"><h2>Change plan</h2><form method="post" action="${action('change')}">
<label for="price">New plan</label><select id="price" name="price">${options}</select>
<button type="submit">Update plan</button></form></div>`
    : ''
}
<div class="card"><h2>Payment method</h2><p>${card ? `Card ending in ${escapeHtml(card.last4)}` : 'No card on file'}</p>
<form method="post" action="${action('card')}"><label for="card">New card number</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="4242 4242 4242 4242">
<button type="submit" class="secondary">Update card</button></form></div>`,
  );
}

module.exports = { money, page, checkoutPage, portalPage };
