import { buildGuestComment, type CommentFields } from '../support/comments';
import { createTestApp, TestApp } from '../support/create-test-app';
import { walkList } from '../support/list-pages';
import { signInAs } from '../support/sessions';

/** Staff's moderation list as a list: keyset pages through ties, a state filter, odd queries. */
describe('The comment moderation list', () => {
  let t: TestApp;
  const BODY = /<p>(Comment [^<]*)<\/p>/;

  /** Guests' comments as the blog stores them, stamped with the times given so their times can tie. */
  async function insert(bodies: string[], status: CommentFields['status'], createdAt: (i: number) => Date) {
    for (const [i, body] of bodies.entries()) {
      await buildGuestComment(
        t,
        'no-such-post',
        { authorName: 'Gus Guest', guestEmail: 'gus@example.test', body, status, notified: true },
        { at: createdAt(i) },
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('pages the waiting comments oldest first through comments written at the same moment, each once, both ways', async () => {
    const same = new Date('2026-11-20T09:00:00Z');
    const waiting = Array.from({ length: 7 }, (_, i) => `Comment waiting ${i}`);
    // Five share one time; the last two are later.
    await insert(waiting, 'pending', (i) => (i < 5 ? same : new Date(same.getTime() + i * 60_000)));
    const staff = await signInAs(t, { role: 'staff' });
    const { forward, backward } = await walkList(staff.agent, '/admin/comments?size=3', BODY);
    expect(forward.flatMap((page) => page.rows).sort()).toEqual([...waiting].sort());
    expect(forward.flatMap((page) => page.rows).slice(5)).toEqual(waiting.slice(5));
    expect(forward.map((page) => page.rows.length)).toEqual([3, 3, 1]);
    expect(backward.map((page) => page.rows)).toEqual(forward.map((page) => page.rows));
  });

  it('shows one state at a time, newest first, and the waiting list for a state that is not one', async () => {
    await insert(['Comment hidden old', 'Comment hidden new'], 'hidden', (i) => new Date(Date.UTC(2026, 10, 1 + i)));
    const staff = await signInAs(t, { role: 'staff' });
    const hidden = await staff.agent.get('/admin/comments?status=hidden').expect(200);
    const rows = [...hidden.text.matchAll(new RegExp(BODY.source, 'g'))].map((m) => m[1]);
    expect(rows).toEqual(['Comment hidden new', 'Comment hidden old']);
    expect(hidden.text).not.toContain('Comment waiting 0');
    expect(hidden.text).toContain('<option value="hidden" selected>');

    const odd = await staff.agent.get('/admin/comments?status=deleted&foo=bar').expect(200);
    expect(odd.text).toContain('That is not a state of comments, so the waiting ones are shown.');
    expect(odd.text).toContain('Comment waiting 0');
    expect(odd.text).not.toContain('Comment hidden new');
  });
});
