import { Injectable } from '@nestjs/common';
import { MEMBERSHIP_STATES, TierRepository } from '@roundtable/billing';
import {
  DEFAULT_PAGE_SIZE,
  keysetPage,
  keysetPlan,
  pageLinks,
  toCsv,
  type CsvCell,
  type ParsedQuery,
  type SortKey,
  isoDateTime,
} from '@roundtable/core';
import {
  MEMBER_ROLES,
  MemberListFilter,
  MemberRecord,
  MemberRepository,
  MemberRole,
  PROFILE_CHOICES,
} from '@roundtable/members';
import type { MembersQuery } from './dto/members-query.dto';

/** Members in the order they joined; `_id` alone is the keyset (ObjectIds ascend with time). */
const ORDER: SortKey[] = [{ field: '_id', direction: 1 }];
/** A tier is a choice stored in the database: a slug that names none filters nothing (the page says so). */
function storedTier(slug: string | undefined, tiers: Array<{ slug: string }>): string | undefined {
  const wanted = slug?.toLowerCase();
  return tiers.some((tier) => tier.slug === wanted) ? wanted : undefined;
}

/** The staff member list: filters from its query DTO, keyset pages by id, CSV export. */
@Injectable()
export class MemberAdminService {
  constructor(
    private readonly members: MemberRepository,
    private readonly tiers: TierRepository,
  ) {}

  async page({ value: query, ignored }: ParsedQuery<MembersQuery>) {
    const tiers = await this.tiers.listAll();
    const tier = storedTier(query.tier, tiers);
    const notes = { ...ignored };
    if (query.tier && !tier) {
      notes.tier = `“${query.tier}” is not a tier, so members of every tier are shown.`;
    }
    const filter = this.filterFrom({ ...query, tier });
    const plan = keysetPlan(ORDER, query);
    const page = keysetPage(await this.members.listPage(filter, plan), plan);
    const params = this.paramsOf(query, tier);
    const tierNames = new Map(tiers.map((t) => [t.slug, t.name]));
    return {
      title: 'Members',
      members: page.rows.map((member) => ({
        ...member,
        tierName: member.membership?.tier ? (tierNames.get(member.membership.tier) ?? member.membership.tier) : '',
      })),
      filter: { ...params, deletion: query.deletion },
      ignored: notes,
      links: pageLinks('/admin/members', params, page),
      csvUrl: `/admin/members.csv${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`,
      choices: {
        roles: MEMBER_ROLES,
        states: MEMBERSHIP_STATES,
        tiers: tiers.map((t) => ({ value: t.slug, label: t.name })),
        ...PROFILE_CHOICES,
      },
    };
  }

  async csv({ value: query }: ParsedQuery<MembersQuery>): Promise<string> {
    const filter = this.filterFrom({ ...query, tier: storedTier(query.tier, await this.tiers.listAll()) });
    const rows: CsvCell[][] = [];
    for await (const member of this.members.cursor(filter) as AsyncIterable<MemberRecord>) {
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
        isoDateTime(member.deletionRequestedAt),
        isoDateTime(member.createdAt),
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

  /** The repository's filter from a checked query (every value already one of its choices). */
  private filterFrom(query: MembersQuery): Omit<MemberListFilter, 'after'> {
    return {
      search: query.search,
      role: query.role as MemberRole | undefined,
      state: query.state,
      tier: query.tier,
      revenueBand: query.revenueBand,
      businessModel: query.businessModel,
      deletionRequested: query.deletion === 'requested' || undefined,
    };
  }

  /** The filters as a page link carries them (the page size too when it is not the default). */
  private paramsOf(query: MembersQuery, tier: string | undefined): Record<string, string> {
    const entries = Object.entries({
      search: query.search,
      role: query.role,
      state: query.state,
      tier,
      revenueBand: query.revenueBand,
      businessModel: query.businessModel,
      deletion: query.deletion,
      size: query.size === DEFAULT_PAGE_SIZE ? undefined : String(query.size),
    });
    return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
}
