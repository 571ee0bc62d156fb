import { createHash, randomInt } from 'node:crypto';

/** The six-digit code mailed beside the link, for signing in on another device than the mail's. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A code is stored only as a hash, salted with its link's hash. */
export function hashCode(tokenHash: string, code: string): string {
  return createHash('sha256').update(`${tokenHash}:${code}`).digest('hex');
}

/** The code as typed ("123 456", "123-456") to six digits, or null when it cannot be one. */
export function normaliseCode(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 20) {
    return null;
  }
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
