/** How far a signature's timestamp may be from our clock, either way (Stripe's own default). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Why a correctly signed body is not a Stripe event we can process, or null when it is one. Checked
 * before the event is recorded: a malformed event answered 400 is not retried by Stripe for ever as a
 * failed event, and nothing downstream meets a missing id, `created` or `data.object`.
 */
export function eventShapeProblem(event: unknown): string | null {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return 'The event is not a JSON object.';
  }
  const { id, type, created, data } = event as Record<string, unknown>;
  if (typeof id !== 'string' || id.trim() === '') {
    return 'The event has no id (a non-empty string).';
  }
  if (typeof type !== 'string' || type.trim() === '') {
    return 'The event has no type.';
  }
  if (typeof created !== 'number' || !Number.isInteger(created) || created <= 0) {
    return 'The event has no created time (whole seconds).';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'The event has no data.';
  }
  const object = (data as Record<string, unknown>).object;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    return 'The event has no data.object.';
  }
  return null;
}

/**
 * Stripe's library refuses a signature older than the tolerance but accepts any in the future; a
 * timestamp far ahead is refused the same way, so a captured request cannot be replayed later.
 * Returns the problem, or null when the `t=` timestamp is within the tolerance of `nowSeconds`.
 */
export function signatureTimestampProblem(
  header: string,
  nowSeconds: number,
  tolerance = SIGNATURE_TOLERANCE_SECONDS,
): string | null {
  const match = /(?:^|,)\s*t=(\d+)/.exec(header);
  if (!match) {
    return 'The Stripe signature has no timestamp.';
  }
  return Math.abs(nowSeconds - Number(match[1])) > tolerance
    ? 'The Stripe signature timestamp is outside the tolerance.'
    : null;
}
