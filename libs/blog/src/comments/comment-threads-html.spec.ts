import { EDIT_WINDOW_MS } from './comment-threads';
import { RENDERINGS_MAX, RenderedComments } from './comment-threads-html';

const now = new Date('2026-11-23T12:00:00Z');
const comment = (id: string, fields: Record<string, unknown> = {}) => ({
  _id: id,
  parentId: null,
  memberId: 'm1',
  authorName: 'Ada <b>',
  body: 'Hello',
  bodyHtml: '<p>Hello</p>',
  status: 'approved',
  createdAt: new Date(now.getTime() - 60 * 60_000),
  ...fields,
});

describe(RenderedComments.name, () => {
  it('renders the threads with names escaped, stored HTML as it is, and reply links only when one may comment', () => {
    const rendered = new RenderedComments([comment('a'), comment('b', { parentId: 'a' })]);
    const html = rendered.threadsHtml(undefined, true, now);
    expect(html).toContain('Ada &lt;b&gt;');
    expect(html).toContain('<div class="comment-body"><p>Hello</p></div>');
    expect(html).toContain('<div class="reply">');
    expect(html).toContain('href="/blog/comments/a/reply"');
    expect(rendered.threadsHtml(undefined, false, now)).not.toContain('/reply"');
  });

  it('says there are no comments yet', () => {
    expect(new RenderedComments([]).threadsHtml(undefined, true, now)).toContain('No comments yet.');
  });

  it("shows the writer's edit link only within the edit window, though the rendering is kept", () => {
    const fresh = comment('a', { createdAt: new Date(now.getTime() - EDIT_WINDOW_MS + 60_000) });
    const rendered = new RenderedComments([fresh]);
    expect(rendered.threadsHtml('m1', true, now)).toContain('/blog/comments/a/edit');
    expect(rendered.threadsHtml('m2', true, now)).not.toContain('/edit');
    expect(rendered.threadsHtml('m1', true, new Date(now.getTime() + 2 * 60_000))).not.toContain('/edit');
  });

  it('holds at most its maximum of renderings however many readers own a comment', () => {
    const recent = new Date(now.getTime() - 60_000);
    const comments = Array.from({ length: 20 }, (_, i) => comment(`c${i}`, { memberId: `m${i}`, createdAt: recent }));
    const rendered = new RenderedComments(comments);
    for (let i = 0; i < 20; i++) {
      expect(rendered.threadsHtml(`m${i}`, true, now)).toContain(`/blog/comments/c${i}/edit`);
    }
    expect(rendered.renderingCount).toBe(RENDERINGS_MAX);
  });

  it("keys a reader's view by their pending and still editable comments, the same for every other reader", () => {
    const recent = new Date(now.getTime() - 60_000);
    const rendered = new RenderedComments([
      comment('a'),
      comment('b', { memberId: 'm2', createdAt: recent }),
      comment('c', { memberId: 'm2', createdAt: recent, status: 'pending' }),
    ]);
    expect(rendered.readerKey('m2', true, now)).toBe('true:c:b,c');
    expect(rendered.readerKey('m1', true, now)).toBe('true:c:');
    expect(rendered.readerKey('m3', false, now)).toBe('false:c:');
    expect(rendered.readerKey('m2', true, new Date(now.getTime() + EDIT_WINDOW_MS))).toBe('true:c:');
  });
});
