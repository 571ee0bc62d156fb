// A local mailbox: a real SMTP server (the `smtp-server` package) that keeps what it receives in
// memory, and a small HTTP server to read it: a page for people (`npm start` prints its address) and
// JSON for tests. Runs as its own process:
//   node tools/servers/mail-sink.js --smtp-port 1025 --http-port 1080
// It prints one line `mail-sink smtp=<port> http=<port>` once both listen. Loopback only; it never
// relays anything anywhere.
'use strict';
const { escapeHtml } = require('./escape-html');
const http = require('node:http');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const MAX_MESSAGES = 2000;

function parseArgs(argv) {
  const options = { smtpPort: 0, httpPort: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--smtp-port') options.smtpPort = Number(argv[i + 1]);
    if (argv[i] === '--http-port') options.httpPort = Number(argv[i + 1]);
  }
  return options;
}

function createStore() {
  const messages = [];
  let nextId = 1;
  return {
    add(message) {
      messages.push({ id: nextId++, ...message });
      if (messages.length > MAX_MESSAGES) messages.shift();
    },
    list: () => messages,
    get: (id) => messages.find((m) => m.id === id),
    clear: () => messages.splice(0, messages.length),
  };
}

function startSmtp(store, port) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          store.add({
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: parsed.from ? parsed.from.text : '',
            to: parsed.to
              ? []
                  .concat(parsed.to)
                  .map((a) => a.text)
                  .join(', ')
              : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            // Raw header values as sent (List-Unsubscribe, Reply-To...), keyed by lower-case name.
            headers: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()]),
            ),
          });
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function pageFor(store) {
  const rows = store
    .list()
    .slice()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.envelopeTo.join(', '))}</td>` +
        `<td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>Local mailbox</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem}td,th{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #ddd}</style>
<h1>Local mailbox</h1><p>Every email Roundtable sends while running locally lands here; nothing leaves this machine.</p>
<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows || '<tr><td colspan="3">No mail yet.</td></tr>'}</table>`;
}

function messagePage(m) {
  // The HTML part is shown in a sandboxed frame: no scripts, no navigation of this page.
  return `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(m.subject)}</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style>
<p><a href="/">← mailbox</a></p><h1>${escapeHtml(m.subject)}</h1>
<p>From ${escapeHtml(m.from)} to ${escapeHtml(m.to)} at ${escapeHtml(m.receivedAt)}</p>
${m.html ? `<iframe sandbox style="width:100%;height:40rem;max-height:80vh;border:1px solid #ccc" srcdoc="${escapeHtml(m.html)}"></iframe>` : ''}
<h2>Text</h2><pre>${escapeHtml(m.text)}</pre>`;
}

function startHttp(store, port) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && url.pathname === '/messages.json') {
      const to = url.searchParams.get('to');
      const list = to ? store.list().filter((m) => m.envelopeTo.includes(to.toLowerCase())) : store.list();
      return send(200, 'application/json', JSON.stringify(list));
    }
    if (req.method === 'DELETE' && url.pathname === '/messages') {
      store.clear();
      return send(204, 'text/plain', '');
    }
    const match = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && match) {
      const message = store.get(Number(match[1]));
      return message ? send(200, 'text/html', messagePage(message)) : send(404, 'text/plain', 'No such message');
    }
    if (req.method === 'GET' && url.pathname === '/') {
      return send(200, 'text/html', pageFor(store));
    }
    return send(404, 'text/plain', 'Not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const store = createStore();
  const smtp = await startSmtp(store, options.smtpPort);
  const web = await startHttp(store, options.httpPort);
  process.stdout.write(`mail-sink smtp=${smtp.server.address().port} http=${web.address().port}\n`);
  const stop = () => {
    web.close();
    smtp.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`mail-sink: ${error.message}\n`);
  process.exit(1);
});
