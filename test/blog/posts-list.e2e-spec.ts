import { createTestApp, TestApp } from '../support/create-test-app';
import { walkList } from '../support/list-pages';
import { buildPost, type PostFields } from '../support/posts';
import { signInAs } from '../support/sessions';

/** Staff's post list: keyset pages through ties in the last-changed time, status and author filters. */
describe('The staff post list', () => {
  let t: TestApp;
  const TITLE = /edit">(Post [^<]*)<\/a><\/td><td>/;

  /** Posts as the blog stores them, stamped with the times given so their times can tie. */
  async function insert(titles: string[], fields: Partial<PostFields>, updatedAt: (i: number) => Date) {
    for (const [i, title] of titles.entries()) {
      await buildPost(t, { title, ...fields }, { at: updatedAt(i) });
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('pages every post newest change first through posts saved at the same moment, each once, both ways', async () => {
    const same = new Date('2026-11-20T09:00:00Z');
    const drafts = Array.from({ length: 6 }, (_, i) => `Post draft ${i}`);
    await insert(drafts, {}, (i) => (i < 4 ? same : new Date(same.getTime() + i * 60_000)));
    const staff = await signInAs(t, { role: 'staff' });
    const { forward, backward } = await walkList(staff.agent, '/admin/posts?size=4', TITLE);
    const rows = forward.flatMap((page) => page.rows);
    expect([...rows].sort()).toEqual([...drafts].sort());
    expect(rows.slice(0, 2)).toEqual(['Post draft 5', 'Post draft 4']);
    expect(forward.map((page) => page.rows.length)).toEqual([4, 2]);
    expect(backward.map((page) => page.rows)).toEqual(forward.map((page) => page.rows));
  });

  it('filters by status and by staff or guest author, and names a filter it could not apply', async () => {
    await insert(
      ['Post published'],
      { status: 'published', publishedAt: new Date('2026-11-01T00:00:00Z') },
      () => new Date('2026-11-01T00:00:00Z'),
    );
    await insert(['Post by a guest'], { status: 'in_review', guest: true }, () => new Date('2026-11-02T00:00:00Z'));
    const staff = await signInAs(t, { role: 'staff' });
    const titles = async (url: string) =>
      [...(await staff.agent.get(url).expect(200)).text.matchAll(new RegExp(TITLE.source, 'g'))].map((m) => m[1]);
    expect(await titles('/admin/posts?status=published')).toEqual(['Post published']);
    expect(await titles('/admin/posts?by=guest')).toEqual(['Post by a guest']);
    expect(await titles('/admin/posts?status=in_review&by=staff')).toEqual([]);
    // The unfiltered first page leads with the review queue.
    expect((await staff.agent.get('/admin/posts').expect(200)).text).toMatch(
      /Waiting for review[\s\S]*Post by a guest[\s\S]*All posts/,
    );
    const odd = await staff.agent.get('/admin/posts?status=archived&by=robots').expect(200);
    expect(odd.text).toContain('That is not a status of posts, so posts in every status are shown.');
    expect(odd.text).toContain('Posts are by staff or by guests, so both are shown.');
    expect(odd.text).toContain('Post published');
  });
});
