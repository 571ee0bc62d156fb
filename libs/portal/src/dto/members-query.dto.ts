import { MEMBER_ROLES, PROFILE_CHOICES } from '@roundtable/members';
import { MEMBERSHIP_STATES } from '@roundtable/billing';
import { PageQuery, QueryChoice, QuerySlug, QueryText } from '@roundtable/core';

/** The query string of staff's member list and its CSV export: filters and a page. */
export class MembersQuery extends PageQuery {
  @QueryText(100, 'The search was longer than 100 characters, so every member is shown.')
  search?: string;

  @QueryChoice(MEMBER_ROLES, 'That is not a role, so members of every role are shown.')
  role?: string;

  @QueryChoice(MEMBERSHIP_STATES, 'That is not a membership state, so members in every state are shown.')
  state?: string;

  @QuerySlug('That is not a tier, so members of every tier are shown.')
  tier?: string;

  @QueryChoice(PROFILE_CHOICES.revenueBands, 'That is not a revenue band, so every revenue band is shown.')
  revenueBand?: string;

  @QueryChoice(PROFILE_CHOICES.businessModels, 'That is not B2B, B2C or both, so every business model is shown.')
  businessModel?: string;

  @QueryChoice(['requested'], 'Only "asked to be deleted" can be ticked there, so it was left out.')
  deletion?: string;
}
