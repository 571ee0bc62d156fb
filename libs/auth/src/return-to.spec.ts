import { safeReturnTo } from './return-to';

describe(safeReturnTo.name, () => {
  it.each(['/portal', '/blog/a-post?x=1#c', '/s/abc'])('keeps the same-site path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/ok\n/evil',
    '',
    undefined,
    42,
    `/${'a'.repeat(600)}`,
  ])('refuses %p and falls back to the portal', (value) => {
    expect(safeReturnTo(value)).toBe('/portal');
  });
});
