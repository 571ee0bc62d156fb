import { Injectable } from '@nestjs/common';
import {
  MEMBER_ROLES,
  MemberListFilter,
  MemberRecord,
  MemberRepository,
  MemberRole,
  PROFILE_CHOICES,
  toCsv,
} from '@roundtable/members';

export const PAGE_SIZE = 50;
const STATES = ['none', 'pending_payment', 'active', 'past_due', 'lapsed', 'canceled'];

/** The staff member list: filters from the query string, pages by id, CSV export. */
@Injectable()
export class MemberAdminService {
  constructor(private readonly members: MemberRepository) {}

  /** Keeps only filter values that are allowed, so a crafted query string filters nothing odd. */
  filterFrom(query: Record<string, unknown>): MemberListFilter {
    const pick = (value: unknown, allowed?: readonly string[]) =>
      typeof value === 'string' && value !== '' && (!allowed || allowed.includes(value)) ? value : undefined;
    return {
      search: pick(query.search)?.slice(0, 100),
      role: pick(query.role, MEMBER_ROLES) as MemberRole | undefined,
      state: pick(query.state, STATES),
      tier: pick(query.tier)?.slice(0, 60),
      revenueBand: pick(query.revenueBand, PROFILE_CHOICES.revenueBands),
      businessModel: pick(query.businessModel, PROFILE_CHOICES.businessModels),
      deletionRequested: query.deletion === 'requested' || undefined,
      after: pick(query.after),
    };
  }

  async page(query: Record<string, unknown>) {
    const filter = this.filterFrom(query);
    const rows = await this.members.list(filter, PAGE_SIZE + 1);
    const hasMore = rows.length > PAGE_SIZE;
    const page = rows.slice(0, PAGE_SIZE);
    const params = new URLSearchParams(
      Object.entries({ ...filter, after: undefined }).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    if (filter.deletionRequested) {
      params.set('deletion', 'requested');
    }
    const next = hasMore
      ? `?${new URLSearchParams({ ...Object.fromEntries(params), after: String(page[page.length - 1]._id) })}`
      : null;
    return {
      title: 'Members',
      members: page,
      filter,
      next,
      csvUrl: `/admin/members.csv${params.size ? `?${params}` : ''}`,
      choices: { roles: MEMBER_ROLES, states: STATES, ...PROFILE_CHOICES },
    };
  }

  async csv(query: Record<string, unknown>): Promise<string> {
    const rows: Array<Array<string | number | boolean | null>> = [];
    for await (const member of this.members.cursor(this.filterFrom(query)) as AsyncIterable<MemberRecord>) {
      rows.push([
        member.name,
        member.email,
        member.role,
        member.membership?.tier ?? '',
        member.membership?.state ?? 'none',
        member.profile?.title ?? '',
        member.profile?.company ?? '',
        member.profile?.revenueBand ?? '',
        member.profile?.businessModel ?? '',
        member.profile?.industry ?? '',
        member.profile?.ccoModel ?? '',
        member.application?.status ?? 'none',
        member.deletionRequestedAt ? new Date(member.deletionRequestedAt).toISOString() : '',
        member.createdAt ? new Date(member.createdAt).toISOString() : '',
      ]);
    }
    return toCsv(
      [
        'name',
        'email',
        'role',
        'tier',
        'membership_state',
        'title',
        'company',
        'revenue_band',
        'business_model',
        'industry',
        'cco_model',
        'application',
        'deletion_requested',
        'joined',
      ],
      rows,
    );
  }
}
