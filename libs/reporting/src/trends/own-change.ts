import type { WaveTrends } from './wave-trends';

/** What a member sees of their own change between the last two waves, beside their peers'. */
export interface OwnChangeRow {
  label: string;
  peerEarlier: number;
  peerLater: number;
  peerVerdict: string;
  /** The member's own priority among the common items they held (1 = first), or null: not held. */
  yourEarlier: number | null;
  yourLater: number | null;
  yourChange: string;
}

const PEER_VERDICTS = { rose: 'rose', fell: 'fell', 'no clear change': 'no clear change' } as const;

/**
 * The member's own change between the latest two waves, on the items both waves asked: their
 * priority position among those items in each wave (their held list, restricted to the common
 * items), beside the peers' rank in each wave and what may be said of the peers' change. Null when
 * the series has no pair. Pure; held lists are item keys, highest priority first.
 */
export function ownChange(
  trends: WaveTrends,
  earlierHeld: readonly string[],
  laterHeld: readonly string[],
): OwnChangeRow[] | null {
  const pair = trends.pairs[trends.pairs.length - 1];
  if (!pair) {
    return null;
  }
  const common = new Set(pair.items.map((item) => item.key));
  const position = (held: readonly string[]) => {
    const kept = held.filter((key) => common.has(key));
    return (key: string) => (kept.includes(key) ? kept.indexOf(key) + 1 : null);
  };
  const before = position(earlierHeld);
  const after = position(laterHeld);
  return pair.items.map((item) => {
    const yourEarlier = before(item.key);
    const yourLater = after(item.key);
    return {
      label: item.label,
      peerEarlier: item.earlier.rank,
      peerLater: item.later.rank,
      peerVerdict: PEER_VERDICTS[item.movement],
      yourEarlier,
      yourLater,
      yourChange: describeOwnChange(yourEarlier, yourLater),
    };
  });
}

function describeOwnChange(earlier: number | null, later: number | null): string {
  if (earlier === null && later === null) {
    return 'not yours in either wave';
  }
  if (earlier === null) {
    return 'newly yours';
  }
  if (later === null) {
    return 'no longer yours';
  }
  return later < earlier ? `up ${earlier - later}` : later > earlier ? `down ${later - earlier}` : 'same';
}
