import { PageQuery, QueryChoice, QueryText } from '@roundtable/core';

/** The statuses staff list applications by: waiting (the queue), approved, declined. */
export const APPLICATION_LISTS = ['submitted', 'approved', 'declined'] as const;

/** The query string of staff's applications: which ones, a search, and a page. */
export class ApplicationsQuery extends PageQuery {
  @QueryChoice(APPLICATION_LISTS, 'That is not a list of applications, so the waiting ones are shown.')
  status?: (typeof APPLICATION_LISTS)[number];

  @QueryText(100, 'The search was longer than 100 characters, so every application is shown.')
  search?: string;
}
