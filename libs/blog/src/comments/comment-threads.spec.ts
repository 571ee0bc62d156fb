import { commentThreads, commentView, EDIT_WINDOW_MS } from './comment-threads';

const now = new Date('2026-11-23T12:00:00Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
const stored = (id: string, fields: Partial<Parameters<typeof commentView>[0]> = {}) => ({
  _id: id,
  parentId: null,
  memberId: 'm1',
  authorName: 'Ada',
  body: 'Hello *there*',
  status: 'approved',
  createdAt: at(60),
  ...fields,
});

describe(commentView.name, () => {
  it('uses the stored HTML, or renders the Markdown of a comment saved before there was any', () => {
    expect(commentView(stored('a', { bodyHtml: '<p>kept</p>' }), undefined, now).bodyHtml).toBe('<p>kept</p>');
    expect(commentView(stored('a'), undefined, now).bodyHtml).toBe('<p>Hello <em>there</em></p>');
  });

  it('lets only the writer edit, and only within the window', () => {
    const fresh = stored('a', { createdAt: new Date(now.getTime() - EDIT_WINDOW_MS + 1000) });
    expect(commentView(fresh, 'm1', now).editable).toBe(true);
    expect(commentView(fresh, 'm2', now).editable).toBe(false);
    expect(commentView(fresh, undefined, now).editable).toBe(false);
    expect(commentView(stored('a', { createdAt: at(16) }), 'm1', now).editable).toBe(false);
  });
});

describe(commentThreads.name, () => {
  it('puts replies under their parent, and an orphaned reply on its own', () => {
    const threads = commentThreads(
      [stored('a'), stored('b', { parentId: 'a' }), stored('c', { parentId: 'gone' }), stored('d')],
      undefined,
      now,
    );
    expect(threads.map((thread) => [thread.id, thread.replies.map((reply) => reply.id)])).toEqual([
      ['a', ['b']],
      ['c', []],
      ['d', []],
    ]);
  });
});

describe(`${commentThreads.name} keeps the stored order`, () => {
  it('lists replies in the order they were written, under a parent that comes later in the list too', () => {
    const threads = commentThreads(
      [
        stored('r1', { parentId: 'p' }),
        stored('p'),
        stored('q'),
        stored('r2', { parentId: 'p' }),
        stored('r3', { parentId: 'q' }),
      ],
      undefined,
      now,
    );
    expect(threads.map((thread) => [thread.id, thread.replies.map((reply) => reply.id)])).toEqual([
      ['p', ['r1', 'r2']],
      ['q', ['r3']],
    ]);
  });
});

describe(`${commentView.name} and dates`, () => {
  it('shows the date in words it is given, or works it out', () => {
    expect(commentView(stored('a', { dateInWords: 'kept date' }), undefined, now).date).toBe('kept date');
    expect(commentView(stored('a'), undefined, now).date).toBe('23 November 2026 at 11:00 UTC');
  });
});
