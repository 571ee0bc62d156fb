import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

describe('The home page for a signed-in member', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('knows who is signed in at the site root too (sessions run on every path)', async () => {
    const me = await signInAs(t, { role: 'staff', name: 'Root Reader' });
    const home = await me.agent.get('/').expect(200);
    expect(home.text).toContain('href="/portal"');
    expect(home.text).toContain('action="/sign-out"');
  });
});
