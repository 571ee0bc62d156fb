import request from 'supertest';
import { PostRepository, seedDemoPosts } from '@roundtable/blog';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';

describe(seedDemoPosts.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('adds the demo posts once, so the home page shows a blog, and adds nothing the second time', async () => {
    const staff = await buildMember(t, { role: 'staff', name: 'Demo Staff' });
    const author = { id: String(staff._id), name: staff.name };
    expect(await seedDemoPosts(t.app.get(PostRepository), author)).toBe(3);
    expect(await seedDemoPosts(t.app.get(PostRepository), author)).toBe(0);
    const home = await request(t.app.getHttpServer()).get('/').expect(200);
    expect(home.text).toContain('The seven common accountabilities of the Chief Customer Officer');
    expect(home.text).toContain('Member guide: building a voice-of-the-customer programme');
    const feed = await request(t.app.getHttpServer()).get('/feed.xml').expect(200);
    // The members-only guide is not in the public feed.
    expect(feed.text.match(/<entry>/g)).toHaveLength(2);
  });
});
