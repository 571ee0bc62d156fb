/**
 * Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped, with up to 20%
 * jitter so that a burst of failures does not retry in lockstep. Pure, so it is tested alone.
 */
export function retryDelayMs(attempt: number, baseMs = 5_000, capMs = 30 * 60_000, random = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.2 * random()));
}
