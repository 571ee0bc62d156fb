// The SMTP sink of the distribution benchmark: a real SMTP server (smtp-server, as the shared sink and
// test/support/smtp-relay.ts) that accepts every message and only counts it. The body is read to its
// end and thrown away (never parsed or stored), so 20,000 messages cost the sink almost nothing; the
// first message is kept raw, for the baseline to send the same bytes.
'use strict';
const { performance } = require('node:perf_hooks');
const { clearTimeout, setTimeout } = require('node:timers');
const { SMTPServer } = require('smtp-server');
const { freePort } = require('../../tools/servers/local-servers');

async function startSmtpCounter() {
  const port = await freePort();
  let phase = { accepted: 0, recipients: new Set(), firstAcceptedAt: null, lastAcceptedAt: null, waiters: [] };
  let sample = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 50,
    onData(stream, session, callback) {
      const chunks = sample === null ? [] : null;
      stream.on('data', (chunk) => chunks?.push(chunk));
      stream.on('end', () => {
        if (chunks && sample === null) sample = Buffer.concat(chunks);
        // Accepted: the reply goes out with this callback, so this is when the sender sees it taken.
        phase.accepted += 1;
        for (const to of session.envelope.rcptTo) phase.recipients.add(to.address.toLowerCase());
        phase.lastAcceptedAt = performance.now();
        phase.firstAcceptedAt ??= phase.lastAcceptedAt;
        phase.waiters = phase.waiters.filter((w) => !w());
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    /** The first message accepted, raw (headers and body as the app wrote them). */
    sample: () => sample,
    /** Messages accepted so far in this measurement (for progress lines). */
    accepted: () => phase.accepted,
    /** Starts counting afresh for the next measurement. */
    reset() {
      phase = { accepted: 0, recipients: new Set(), firstAcceptedAt: null, lastAcceptedAt: null, waiters: [] };
    },
    /** Resolves with the phase's figures once `count` messages were accepted; fails after `timeoutMs`. */
    waitFor(count, timeoutMs) {
      const current = phase;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`the sink accepted ${current.accepted} of ${count} messages in ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        const check = () => {
          if (current.accepted < count) return false;
          clearTimeout(timer);
          resolve({
            accepted: current.accepted,
            recipients: current.recipients.size,
            firstAcceptedAt: current.firstAcceptedAt,
            lastAcceptedAt: current.lastAcceptedAt,
          });
          return true;
        };
        if (!check()) current.waiters.push(check);
      });
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startSmtpCounter };
