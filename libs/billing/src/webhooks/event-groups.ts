/** What staff's event list needs of one stored event. */
export interface ListedEvent {
  eventId: string;
  type: string;
  /** Stripe's `created`, in seconds. */
  created: number;
  outcome: string;
  memberId: string | null;
  detail: string;
  receivedAt: Date;
  tierChange?: { from: string | null; to: string } | null;
}

/** A row of the list: one event, or a tier change with the events Stripe sent for it. */
export interface EventRow {
  receivedAt: Date;
  /** "Tier change: Council Member → Executive Circle", or the event's Stripe type. */
  title: string;
  /** The Stripe types of a tier change's events, in the order received; empty for a single event. */
  types: string[];
  eventIds: string[];
  outcome: string;
  detail: string;
}

/**
 * How far apart Stripe's events of one tier change may be: the subscription update and the proration
 * invoice's events are created within seconds of each other; a member's next renewal is months away.
 */
export const TIER_CHANGE_WINDOW_SECONDS = 300;

/** Events Stripe sends about a tier change besides the subscription update that carries it. */
const PART_OF_A_CHANGE = /^(invoice\.|customer\.subscription\.updated$)/;

/**
 * Staff read a tier change as one event: the subscription update that moved the member to another
 * tier becomes one row saying from which tier to which, and takes in the same member's invoice and
 * subscription events created within TIER_CHANGE_WINDOW_SECONDS of it (on this page of the list).
 * Every other event stays a row of its own, in the list's order. `tierName` names a tier by its slug.
 */
export function groupTierChanges(events: ListedEvent[], tierName: (slug: string) => string): EventRow[] {
  const absorbed = new Set<ListedEvent>();
  const parts = new Map<ListedEvent, ListedEvent[]>();
  for (const change of events.filter((event) => event.tierChange && event.memberId)) {
    const together = events.filter(
      (event) =>
        event === change ||
        (!event.tierChange &&
          !absorbed.has(event) &&
          event.memberId === change.memberId &&
          PART_OF_A_CHANGE.test(event.type) &&
          Math.abs(event.created - change.created) <= TIER_CHANGE_WINDOW_SECONDS),
    );
    together.forEach((event) => absorbed.add(event));
    parts.set(change, together);
  }
  return events.flatMap((event): EventRow[] => {
    const together = parts.get(event);
    if (together) {
      const { from, to } = event.tierChange!;
      const received = [...together].sort((a, b) => a.created - b.created || +a.receivedAt - +b.receivedAt);
      const worst = received.find((part) => part.outcome !== 'applied' && part.outcome !== 'ignored');
      return [
        {
          receivedAt: received[received.length - 1].receivedAt,
          title: `Tier change: ${from ? tierName(from) : 'no tier'} → ${tierName(to)}`,
          types: received.map((part) => part.type),
          eventIds: received.map((part) => part.eventId),
          outcome: worst?.outcome ?? event.outcome,
          detail: received
            .map((part) => part.detail)
            .filter(Boolean)
            .join('; '),
        },
      ];
    }
    if (absorbed.has(event)) {
      return [];
    }
    return [
      {
        receivedAt: event.receivedAt,
        title: event.type,
        types: [],
        eventIds: [event.eventId],
        outcome: event.outcome,
        detail: event.detail,
      },
    ];
  });
}
