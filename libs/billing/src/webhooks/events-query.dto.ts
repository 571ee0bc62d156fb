import { PageQuery, QueryChoice } from '@roundtable/core';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EVENT_OUTCOMES, type EventOutcome } from './billing-event.schema';

const TYPE_MESSAGE = 'An event type looks like customer.subscription.updated, so events of every type are shown.';

/** The query string of staff's billing events: what we did with them, their Stripe type, a page. */
export class EventsQuery extends PageQuery {
  @QueryChoice(EVENT_OUTCOMES, 'That is not an outcome, so events with every outcome are shown.')
  outcome?: EventOutcome;

  @Transform(({ value }: { value: unknown }) =>
    value === '' ? undefined : typeof value === 'string' ? value.trim() : value,
  )
  @IsOptional()
  @IsString({ message: TYPE_MESSAGE })
  @MaxLength(100, { message: TYPE_MESSAGE })
  @Matches(/^[a-z_]+(\.[a-z_]+)+$/, { message: TYPE_MESSAGE })
  type?: string;
}
