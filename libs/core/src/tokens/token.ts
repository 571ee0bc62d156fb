import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens for links sent by email (sign-in, survey, unsubscribe): 256 random bits as 43 base64url
 * characters. Only the hash is stored, so a leaked database holds no usable link; a lookup is then
 * one `_id` read of `hashToken(token)`.
 */
export const TOKEN_BYTES = 32;

/** A fresh random token and the SHA-256 hex hash to store in its place. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** SHA-256 of the token as 64 lowercase hex characters (what `_id`s of link documents hold). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens we hand out are 43 base64url characters; anything else is refused before a lookup. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Compares two secrets (hashes, tokens) in constant time, so the time taken says nothing about how
 * much of a guess was right. Different lengths are simply unequal.
 */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
