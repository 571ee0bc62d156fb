import request from 'supertest';
import { PostRepository, SearchTermsBackfill, seedDemoPosts } from '@roundtable/blog';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { writeLegacyPostWithoutSearchTerms } from '../support/posts';

describe('seedDemoPosts', () => {
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

describe('Search over posts saved before search terms existed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds them once the start-up backfill has given them their terms', async () => {
    // A post as an earlier version stored it: no searchTerms field.
    await writeLegacyPostWithoutSearchTerms(t, {
      title: 'Onboarding that sticks',
      slug: 'onboarding-that-sticks',
      tags: ['onboarding'],
    });
    const search = () => request(t.app.getHttpServer()).get('/search?q=onboard').expect(200);
    expect((await search()).text).not.toContain('Onboarding that sticks');
    await t.app.get(SearchTermsBackfill).onApplicationBootstrap();
    expect((await search()).text).toContain('Onboarding that sticks');
    // The search is served by its index, which the database (FerretDB here) accepted.
    await t.connection.model('Post').init(); // resolves once mongoose has built the schema's indexes
    const indexes = await t.connection.collection('posts').indexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ searchTerms: 1, publishedAt: -1 });
  });
});
