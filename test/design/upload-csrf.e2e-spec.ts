import request from 'supertest';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';

/**
 * A file upload carries its CSRF token in the form's body, never in its address: a refused upload
 * answers at the form's own address (or a redirect) with no token in sight, while an upload without
 * the token, or to a route that reads no upload, is still refused.
 */
describe('Upload forms keep the CSRF token out of the address', () => {
  let t: TestApp;
  let staff: SignedIn;

  const FORMS = [
    { page: '/admin/resources', action: '/admin/resources' },
    { page: '/admin/roster/import', action: '/admin/roster/import' },
    { page: '/admin/roster/lists', action: '/admin/roster/lists' },
    { page: '/admin/reports', action: '/admin/reports/import' },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  /** Posts a multipart form as the browser does: the token as the form's first field. */
  const upload = (path: string, fields: Record<string, string>, file?: { name: string; body: string }) => {
    let req = staff.agent.post(path).set('Accept', 'text/html');
    for (const [name, value] of Object.entries(fields)) {
      req = req.field(name, value);
    }
    return file ? req.attach('file', Buffer.from(file.body), { filename: file.name, contentType: 'text/csv' }) : req;
  };

  /** Nothing a browser would put in its address bar, or in a form's action, names the token. */
  const noTokenInSight = (response: request.Response) => {
    expect(response.headers.location ?? '').not.toContain('_csrf');
    expect(response.text).not.toMatch(/action="[^"]*_csrf/);
  };

  it.each(FORMS)('the form of $page sends the token in its body, not its address', async ({ page, action }) => {
    const html = (await staff.agent.get(page).expect(200)).text;
    const form = new RegExp(
      `<form method="post" action="${action}"[^>]*enctype="multipart/form-data"[^>]*>\\s*<input type="hidden" name="_csrf" value="[^"]+">`,
    );
    expect(html).toMatch(form);
    noTokenInSight({ text: html, headers: {} } as request.Response);
  });

  it('answers a refused document upload with the form at its own address, no token in sight', async () => {
    const refused = await upload('/admin/resources', { _csrf: staff.csrfToken, title: '', summary: '' }).expect(422);
    expect(refused.text).toContain('The document was not added');
    noTokenInSight(refused);
  });

  it('answers a refused roster import with the form, no token in sight', async () => {
    const refused = await upload(
      '/admin/roster/import',
      { _csrf: staff.csrfToken },
      { name: 'roster.csv', body: 'not,a,roster\n' },
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    noTokenInSight(refused);
  });

  it('takes an upload whose token is in the body, to a preview at an address without it', async () => {
    const roster = 'id,person,company,title,start,end\nx-1,Ann Lee,Acme Inc.,Chief Customer Officer,2004-03-01,\n';
    const accepted = await upload(
      '/admin/roster/import',
      { _csrf: staff.csrfToken },
      { name: 'roster.csv', body: roster },
    );
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toMatch(/^\/admin\/roster\/import\/[a-f0-9]{32}$/);
    const preview = await staff.agent.get(accepted.headers.location).expect(200);
    expect(preview.text).toContain('1 to add');
  });

  it('refuses an upload without its token, or with someone else’s, and adds nothing', async () => {
    const other = await signInAs(t, { role: 'staff' });
    const attempts: Array<Record<string, string>> = [
      { title: 'No token', summary: 'x' },
      { _csrf: other.csrfToken, title: 'Stolen', summary: 'x' },
    ];
    for (const fields of attempts) {
      const refused = await upload('/admin/resources', fields).expect(403);
      expect(refused.text).toContain('This form has expired or did not come from this site');
    }
    expect(await t.connection.collection('resources').countDocuments()).toBe(0);
  });

  it('refuses a multipart post to a route that reads no upload, even with the right token', async () => {
    const refused = await upload('/admin/posts', { _csrf: staff.csrfToken, title: 'Sneaked in' }).expect(403);
    expect(refused.text).toContain('This form has expired or did not come from this site');
    expect(await t.connection.collection('posts').countDocuments({ title: 'Sneaked in' })).toBe(0);
  });
});
