import { encodeCursor } from '@roundtable/core';
import { cursorOf, parseCursor } from './page-cursor';

describe(parseCursor.name, () => {
  it('reads back the cursor of a post, written in core’s keyset cursor format', () => {
    const post = { publishedAt: new Date('2026-11-20T10:00:00.000Z'), _id: '65f0a1b2c3d4e5f601234567' };
    expect(parseCursor(cursorOf(post))).toEqual({ publishedAt: post.publishedAt, id: '65f0a1b2c3d4e5f601234567' });
  });

  it.each([
    undefined,
    '',
    'yesterday_65f0a1b2c3d4e5f601234567',
    '2026-11-20T10:00:00.000Z',
    ['x'],
    '2026-11-20_notanid',
    encodeCursor(['2026-11-20T10:00:00.000Z', '65f0a1b2c3d4e5f601234567']),
    encodeCursor([new Date('2026-11-20T10:00:00.000Z'), 'notanid']),
    encodeCursor([new Date('2026-11-20T10:00:00.000Z')]),
  ])('treats %p as the first page', (value) => {
    expect(parseCursor(value)).toBeUndefined();
  });
});
