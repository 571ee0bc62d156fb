import { PageQuery, QueryChoice } from '@roundtable/core';

/** The query string of the tier editor: offered or retired tiers, and a page. */
export class TiersQuery extends PageQuery {
  @QueryChoice(['offered', 'retired'], 'Tiers are offered or retired, so both are shown.')
  show?: 'offered' | 'retired';
}
