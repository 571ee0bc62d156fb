/**
 * Where to send someone after sign-in: only a path on this site. Anything else (another host,
 * `//evil.example`, `/\evil.example`, a scheme, control characters) falls back to the portal.
 */
export function safeReturnTo(value: unknown, fallback = '/portal'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    return fallback;
  }
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  if (value.includes('\\') || [...value].some((char) => char.charCodeAt(0) < 0x20)) {
    return fallback;
  }
  return value;
}
