// The distribution benchmark's baseline, run as its own process like a worker: raw nodemailer with the
// app's pooled transport settings (pool: true, maxConnections, rateLimit per rateDelta of 1 s, as
// libs/mail/src/sending/mail-transport.service.ts builds it) sending `count` copies of the app's own
// invitation (raw bytes) to distinct addresses. Prints {seconds, peakMemoryMB} as JSON when the last is
// accepted.
//   node bench/lib/raw-mailer.js <smtpUrl> <poolSize> <ratePerSecond> <count> <rawMessageFile>
'use strict';
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const nodemailer = require('nodemailer');

async function main() {
  const [smtpUrl, poolSize, rate, count, file] = process.argv.slice(2);
  const url = new URL(smtpUrl);
  const raw = readFileSync(file);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    pool: true,
    maxConnections: Number(poolSize),
    rateDelta: 1000,
    rateLimit: Number(rate),
  });
  const started = performance.now();
  let next = 0;
  // As many in flight as the app's batch sender keeps (a pool's worth), so neither queues more.
  const lane = async () => {
    while (next < Number(count)) {
      const i = next++;
      await transporter.sendMail({
        envelope: { from: 'council@roundtable.test', to: `baseline${i}@bench.roundtable.test` },
        raw,
      });
    }
  };
  await Promise.all(Array.from({ length: Number(poolSize) }, lane));
  const seconds = (performance.now() - started) / 1000;
  transporter.close();
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  process.stdout.write(`${JSON.stringify({ seconds, peakMemoryMB: hwm ? Number(hwm[1]) / 1024 : null })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
