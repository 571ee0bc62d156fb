import { plural } from './plural';

describe(plural.name, () => {
  it('is singular at one and plural at zero, two and more', () => {
    expect([0, 1, 2, 21].map((n) => plural(n, 'member'))).toEqual(['0 members', '1 member', '2 members', '21 members']);
    expect(plural(1, 'reply', 'replies')).toBe('1 reply');
    expect(plural(3, 'reply', 'replies')).toBe('3 replies');
  });
});
