import { hashToken, sameSecret } from '@roundtable/core';
import { hashCode, newCode, normaliseCode } from './sign-in-code';

describe('sign-in codes', () => {
  it('makes six-digit codes, leading zeros kept', () => {
    const codes = Array.from({ length: 200 }, newCode);
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it('reads a code as people type it, and nothing else', () => {
    expect(normaliseCode('123 456')).toBe('123456');
    expect(normaliseCode(' 012-345 ')).toBe('012345');
    expect(normaliseCode('12345')).toBeNull();
    expect(normaliseCode('1234567')).toBeNull();
    expect(normaliseCode('12a456')).toBeNull();
    expect(normaliseCode(['123456'])).toBeNull();
    expect(normaliseCode('1'.repeat(30))).toBeNull();
  });

  it('salts a code with its link, so the same code for two links hashes apart', () => {
    const a = hashCode(hashToken('a'), '123456');
    const b = hashCode(hashToken('b'), '123456');
    expect(a).not.toBe(b);
    expect(sameSecret(a, hashCode(hashToken('a'), '123456'))).toBe(true);
    expect(sameSecret(a, b)).toBe(false);
  });
});
