import { Injectable } from '@nestjs/common';
import { isStaff, membershipRequired, type SessionMember } from '@roundtable/auth';
import { FormOutcome, NotFoundError, type PageRequest, type ParsedQuery } from '@roundtable/core';
import { type MemberRecord, MemberRepository, PROFILE_CHOICES } from '@roundtable/members';
import {
  byName,
  chosenFields,
  DEFAULT_FIELDS,
  DIRECTORY_FIELDS,
  directoryEntry,
  FIELD_LABELS,
  matches,
} from './directory-entry';
import type { DirectoryChoicesDto } from './directory-choices.dto';
import type { DirectoryQueryDto } from './directory-query.dto';
import { DirectoryListingRepository } from './directory-listing.repository';
import { inCouncilNow } from './directory-access';

/** The council's members shown in the directory: in the council now, and not asking to be deleted. */
const listable = (member: MemberRecord) => inCouncilNow(member) && !member.deletionRequestedAt;

/** The members' directory: peers see opted-in members' chosen fields; staff see every member. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly listings: DirectoryListingRepository,
    private readonly members: MemberRepository,
  ) {}

  async directory(viewer: SessionMember, { value, ignored }: ParsedQuery<DirectoryQueryDto>) {
    if (!inCouncilNow(viewer)) {
      throw membershipRequired('The directory is for members whose membership is current. Choose or renew yours.');
    }
    const query = {
      q: value.q ?? '',
      ccoModel: value.ccoModel ?? '',
      industry: value.industry ?? '',
      revenueBand: value.revenueBand ?? '',
    };
    const staffView = isStaff(viewer);
    const entries = staffView ? await this.everyone() : await this.optedIn();
    const shown = entries.filter((entry) => matches(entry, query)).sort(byName);
    return {
      title: 'Members’ directory',
      staffView,
      query,
      ignored,
      filtered: Boolean(query.q || query.ccoModel || query.industry || query.revenueBand),
      entries: shown,
      total: entries.length,
      labels: FIELD_LABELS,
      choices: PROFILE_CHOICES,
    };
  }

  /** The member's listing choice: the form (as stored) and how peers see them. */
  async choices({ member: viewer }: PageRequest<SessionMember>) {
    const member = await this.members.findById(viewer.id);
    if (!member) {
      throw new NotFoundError('Your member record was not found.');
    }
    const listing = await this.listings.findByMember(viewer.id);
    const fields = listing?.fields ?? DEFAULT_FIELDS;
    return {
      title: 'Your directory listing',
      listed: Boolean(listing),
      values: { listed: listing ? 'yes' : 'no', fields },
      errors: {},
      options: DIRECTORY_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field] })),
      preview: directoryEntry(member, fields),
      labels: FIELD_LABELS,
    };
  }

  /** Opts the member in with the ticked fields, or out (their listing is removed). */
  async saveChoices(memberId: string, form: DirectoryChoicesDto): Promise<FormOutcome> {
    if (form.listed === 'yes') {
      await this.listings.optIn(memberId, chosenFields(form.fields));
      return FormOutcome.ok('/portal/directory', 'Saved. Peers see you as shown below.');
    }
    await this.listings.optOut(memberId);
    return FormOutcome.ok('/portal/directory', 'Saved. You are not in the directory.');
  }

  /** Opted-in members with the fields each chose: the listings (small), then their members in one read. */
  private async optedIn() {
    const listings = await this.listings.listAll();
    const fieldsOf = new Map(listings.map((listing) => [listing._id, chosenFields(listing.fields)]));
    const members = await this.members.findByIds([...fieldsOf.keys()]);
    return members
      .filter(listable)
      .map((member) => ({ ...directoryEntry(member, fieldsOf.get(String(member._id)) ?? []), listed: true }));
  }

  /** Staff see every member with every field, and whether each is listed for peers. */
  private async everyone() {
    const listed = new Set((await this.listings.listAll()).map((listing) => listing._id));
    const members = await this.members.list({ role: 'member' }, 5000);
    return members.map((member) => ({
      ...directoryEntry(member, DIRECTORY_FIELDS),
      listed: listed.has(String(member._id)),
    }));
  }
}
