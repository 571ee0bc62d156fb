import request from 'supertest';
import { TierRepository } from '@roundtable/billing';
import { CommentRepository, PostRepository, seedDemoComments, seedDemoPosts } from '@roundtable/blog';
import { MemberRepository, seedDemoMembers } from '@roundtable/members';
import { ResourceFileRepository, ResourceRepository, seedDemoResources } from '@roundtable/resources';
import { QuoteRepository, seedDemoQuotes } from '@roundtable/site';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { readPdf } from '../support/pdf-text';

/** `npm start`'s demo looks alive: comments on the posts, members' quotes on the join page, the library's first document. */
describe('The demo seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoMembers(t.app.get(MemberRepository));
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(() => t.close());

  it('adds comments with a reply to the first posts, once', async () => {
    const members = t.app.get(MemberRepository);
    const staff = (await members.findByEmail('staff@roundtable.local'))!;
    await seedDemoPosts(t.app.get(PostRepository), { id: String(staff._id), name: staff.name });
    const writers: Array<{ id: string; name: string }> = [];
    for (const email of ['jordan.lee@roundtable.local', 'priya.shah@roundtable.local']) {
      const writer = (await members.findByEmail(email))!;
      writers.push({ id: String(writer._id), name: writer.name });
    }
    const seed = () => seedDemoComments(t.app.get(PostRepository), t.app.get(CommentRepository), writers);
    expect(await seed()).toBe(6);
    expect(await seed()).toBe(0);
    const [post] = await t.app.get(PostRepository).listPublished(new Date(), { limit: 1 });
    const page = await request(t.app.getHttpServer()).get(`/blog/${post.slug}`).expect(200);
    expect(page.text).toContain('Our board asked for exactly this list last quarter.');
    expect(page.text).toContain('Jordan Lee');
  });

  it("puts members' quotes on the join page instead of a placeholder, once", async () => {
    expect(await seedDemoQuotes(t.app.get(QuoteRepository))).toBe(3);
    expect(await seedDemoQuotes(t.app.get(QuoteRepository))).toBe(0);
    const join = await request(t.app.getHttpServer()).get('/join').expect(200);
    expect(join.text).toContain('The council is the one room where every other person owns the same messy mandate');
    expect(join.text).not.toContain('A quote about the council from its founder');
  });

  it("makes the CCO job description the library's first document, a PDF that reads as one", async () => {
    const staff = (await t.app.get(MemberRepository).findByEmail('staff@roundtable.local'))!;
    const tiers = (await t.app.get(TierRepository).listAll()).map((tier) => tier.slug);
    const seed = () =>
      seedDemoResources(t.app.get(ResourceRepository), t.app.get(ResourceFileRepository), String(staff._id), tiers);
    expect(await seed()).toBe(1);
    expect(await seed()).toBe(0);
    const library = await request(t.app.getHttpServer()).get('/resources').expect(200);
    expect(library.text).toContain('Chief Customer Officer: a job description');
    const [resource] = await t.app.get(ResourceRepository).listAll();
    const chunks: Buffer[] = [];
    for await (const chunk of t.app.get(ResourceFileRepository).open(resource.fileId)) {
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await readPdf(bytes);
    expect(text).toContain('Chief Customer Officer: a job description');
    expect(text).toContain('Customer experience management');
  });
});
