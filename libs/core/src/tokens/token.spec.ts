import { hashToken, looksLikeToken, newToken, sameSecret } from './token';

describe('link tokens', () => {
  it('makes 256-bit base64url tokens and stores their SHA-256 hex', () => {
    const { token, hash } = newToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[a-f0-9]{64}$/);
    expect(newToken().token).not.toBe(token);
  });

  it('hashes to the published SHA-256 of the text', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses anything that is not one of our tokens before a lookup', () => {
    expect(looksLikeToken('a'.repeat(42))).toBe(false);
    expect(looksLikeToken('a'.repeat(44))).toBe(false);
    expect(looksLikeToken('a'.repeat(42) + '/')).toBe(false);
    expect(looksLikeToken(['a'.repeat(43)])).toBe(false);
  });

  it('compares secrets: equal, different, different lengths, multi-byte text', () => {
    const { hash } = newToken();
    expect(sameSecret(hash, hash.slice())).toBe(true);
    expect(sameSecret(hash, hashToken('other'))).toBe(false);
    expect(sameSecret(hash, 'short')).toBe(false);
    // Same character count, different byte count: unequal rather than a thrown RangeError.
    expect(sameSecret('é', 'e')).toBe(false);
  });
});
