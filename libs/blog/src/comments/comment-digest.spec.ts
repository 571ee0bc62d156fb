import { digestItems, excerptOf, DIGEST_SHOWN } from './comment-digest';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const comment = (id: string, minute: number, extra: Partial<Parameters<typeof digestItems>[0][number]> = {}) => ({
  _id: id,
  postId: 'p1',
  memberId: 'm1',
  authorName: 'Grace',
  body: 'Agreed.',
  status: 'approved',
  createdAt: at(minute),
  ...extra,
});
const posts = [{ _id: 'p1', title: 'On pricing', slug: 'on-pricing' }];

describe(digestItems.name, () => {
  it('lists the comments written after the window began, not the reader’s own, with links', () => {
    const items = digestItems(
      [
        comment('c0', 5),
        comment('c1', 15),
        comment('c2', 20, { memberId: 'staff1' }),
        comment('c3', 25, { status: 'pending', memberId: null, authorName: 'Guest' }),
        comment('c4', 30, { status: 'spam' }),
      ],
      posts,
      { after: at(10), exceptMemberId: 'staff1' },
    );
    expect(items.all.map((item) => item.path)).toEqual(['/blog/on-pricing#comment-c1', '/admin/comments#pending-c3']);
    expect(items.pending).toBe(1);
    expect(items.all[0]).toMatchObject({
      author: 'Grace',
      postTitle: 'On pricing',
      excerpt: 'Agreed.',
      pending: false,
    });
  });

  it(`shows at most ${DIGEST_SHOWN} and counts them all`, () => {
    const many = Array.from({ length: DIGEST_SHOWN + 5 }, (_, i) => comment(`c${i}`, 20));
    const items = digestItems(many, posts, { after: at(10), exceptMemberId: 'x' });
    expect(items.shown).toHaveLength(DIGEST_SHOWN);
    expect(items.all).toHaveLength(DIGEST_SHOWN + 5);
  });
});

describe(excerptOf.name, () => {
  it('keeps a short text whole, on one line', () => {
    expect(excerptOf('one\n\ntwo')).toBe('one two');
  });

  it('cuts a long text at a word boundary with an ellipsis', () => {
    const text = `${'word '.repeat(100)}end`;
    const excerpt = excerptOf(text, 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt).toMatch(/word…$/);
  });
});
