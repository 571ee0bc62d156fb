import { PageQuery, QueryChoice, QueryText } from '@roundtable/core';

/** The roster list's query string: a company, current or ended tenures, a page. */
export class TenuresQuery extends PageQuery {
  @QueryText(120, 'A company name is at most 120 characters, so every company is shown.')
  company?: string;

  @QueryChoice(['current', 'ended'], 'That is not current or ended, so every tenure is shown.')
  status?: 'current' | 'ended';
}
