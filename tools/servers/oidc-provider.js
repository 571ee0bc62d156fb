// A local OpenID Connect provider standing in for LinkedIn's "Sign In with LinkedIn using OpenID
// Connect", built on oauth2-mock-server: /authorize, /token, /userinfo, /jwks and the discovery
// document, on loopback. Runs as its own process:
//   node tools/servers/oidc-provider.js --port 8090
// and prints `oidc-provider url=<issuer>` once listening.
//
// Who signs in:
//   - tests queue the next identity: POST /__control/next-user with JSON claims
//     ({ sub, email, email_verified, name, given_name, family_name, picture, locale });
//   - people (`npm start`) get a small "sign in as" form at /authorize, prefilled with the demo admin.
// The identity follows the code to the access token and on to the userinfo response, in
// LinkedIn's documented userinfo shape.
'use strict';
const { escapeHtml } = require('./escape-html');
const http = require('node:http');
const { randomBytes } = require('node:crypto');

const DEMO_USER = {
  sub: 'demo-admin-linkedin',
  email: 'admin@roundtable.local',
  email_verified: true,
  name: 'Avery Admin',
  given_name: 'Avery',
  family_name: 'Admin',
  picture: '',
  locale: 'en-US',
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 64 * 1024) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function identityFromName(email, name) {
  const [given, ...rest] = String(name || email.split('@')[0]).split(' ');
  return {
    sub: `local-${Buffer.from(email.toLowerCase()).toString('base64url')}`,
    email,
    email_verified: true,
    name: name || given,
    given_name: given,
    family_name: rest.join(' '),
    picture: '',
    locale: 'en-US',
  };
}

function chooserPage(url) {
  const hidden = [...url.searchParams]
    .filter(([key]) => key !== 'login_as' && key !== 'login_name')
    .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>LinkedIn (local stand-in)</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
input{display:block;width:100%;padding:.5rem;margin:.3rem 0 1rem;font:inherit}button{padding:.6rem 1.2rem;font:inherit;background:#0a66c2;color:#fff;border:0;border-radius:1rem}</style>
<h1>Sign in with LinkedIn</h1><p>This is the local stand-in for LinkedIn used by <code>npm start</code>. Choose who you are.</p>
<form method="get" action="/authorize">${hidden}
<label>Email<input name="login_as" type="email" value="${escapeHtml(DEMO_USER.email)}" required></label>
<label>Name<input name="login_name" value="${escapeHtml(DEMO_USER.name)}"></label>
<button type="submit">Allow and sign in</button></form>`;
}

async function main() {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 0;
  const { OAuth2Issuer, OAuth2Service } = await import('oauth2-mock-server');

  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const service = new OAuth2Service(issuer);

  const queued = [];
  const byCode = new Map();
  const byAccessToken = new Map();
  let pendingIdentity = null;

  service.on('beforeAuthorizeRedirect', (redirect) => {
    const code = redirect.url.searchParams.get('code');
    if (code && pendingIdentity) byCode.set(code, pendingIdentity);
  });
  service.on('beforeTokenSigning', (token, req) => {
    const identity = byCode.get(req.body && req.body.code);
    if (identity) {
      token.payload.sub = identity.sub;
      token.payload.email = identity.email;
    }
  });
  service.on('beforeResponse', (response, req) => {
    const identity = byCode.get(req.body && req.body.code);
    if (identity && response.body && response.body.access_token) {
      byAccessToken.set(response.body.access_token, identity);
      byCode.delete(req.body.code); // a code is good for one exchange
    }
  });
  service.on('beforeUserinfo', (userinfo, req) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization || '');
    const identity = bearer && byAccessToken.get(bearer[1]);
    if (!identity) {
      userinfo.statusCode = 401;
      userinfo.body = { error: 'invalid_token', error_description: 'unknown or missing bearer token' };
      return;
    }
    userinfo.body = { ...identity };
  });

  const handle = service.requestHandler;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, issuer.url);
    try {
      if (req.method === 'POST' && url.pathname === '/__control/next-user') {
        const claims = JSON.parse((await readBody(req)) || '{}');
        const base = identityFromName(claims.email || DEMO_USER.email, claims.name || DEMO_USER.name);
        queued.push({ ...base, sub: `sub-${randomBytes(6).toString('hex')}`, ...claims });
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'DELETE' && url.pathname === '/__control/next-user') {
        queued.length = 0;
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'GET' && url.pathname === '/authorize') {
        const loginAs = url.searchParams.get('login_as');
        if (queued.length > 0) {
          pendingIdentity = queued.shift();
        } else if (loginAs) {
          pendingIdentity =
            loginAs.toLowerCase() === DEMO_USER.email
              ? DEMO_USER
              : identityFromName(loginAs, url.searchParams.get('login_name'));
        } else {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(chooserPage(url));
          return;
        }
      }
      handle(req, res);
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error.message));
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = server.address().port;
  issuer.url = `http://127.0.0.1:${actualPort}`;
  process.stdout.write(`oidc-provider url=${issuer.url}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`oidc-provider: ${error.message}\n`);
  process.exit(1);
});
