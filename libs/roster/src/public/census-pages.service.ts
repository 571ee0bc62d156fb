import { Injectable } from '@nestjs/common';
import { isStaff, type SessionMember } from '@roundtable/auth';
import { parseDay } from '@roundtable/census';
import { FormOutcome, isoDateTime, NotFoundError, type PageRequest } from '@roundtable/core';
import { CensusRequests } from '../compute/census-requests.service';
import { CURRENT_SNAPSHOT, datedSnapshotId } from '../snapshots/census-snapshot.schema';
import { CensusSnapshotRepository } from '../snapshots/census-snapshot.repository';
import { censusPageModel } from './census-page';
import type { CensusDateDto } from './census-date.dto';

const TITLE = 'The role in numbers';

/**
 * "The role in numbers": every figure comes from a snapshot the worker computed (one `_id` read per
 * view). Visitors see the headline figures, members the segment cuts too, staff everything and any
 * census date they have asked the worker for.
 */
@Injectable()
export class CensusPages {
  constructor(
    private readonly snapshots: CensusSnapshotRepository,
    private readonly requests: CensusRequests,
  ) {}

  async page(request: PageRequest<SessionMember | undefined> & { asOf?: string }) {
    const viewer = { member: request.member?.role === 'member', staff: isStaff(request.member) };
    const asked = viewer.staff && request.asOf && parseDay(request.asOf) !== null ? request.asOf : null;
    const snapshot = await this.snapshots.find(asked ? datedSnapshotId(asked) : CURRENT_SNAPSHOT);
    return {
      title: TITLE,
      viewer,
      asked,
      census: snapshot ? censusPageModel(snapshot, viewer) : null,
    };
  }

  /** The census JSON for staff's tools (the API): today's, or a computed census date. */
  async result(asOf?: string) {
    const snapshot = await this.snapshots.find(asOf ? datedSnapshotId(asOf) : CURRENT_SNAPSHOT);
    if (!snapshot) {
      throw new NotFoundError(
        asOf
          ? `No census has been computed on ${asOf}; ask for it on the census page.`
          : 'The census has not been computed yet.',
      );
    }
    return { computed_at: isoDateTime(snapshot.computedAt), ...snapshot.result };
  }

  async requestDate(form: CensusDateDto): Promise<FormOutcome> {
    if (parseDay(form.as_of) === null) {
      return FormOutcome.invalid({ ...form }, { as_of: `${form.as_of} is not a calendar date.` });
    }
    await this.requests.forDate(form.as_of);
    return FormOutcome.ok(
      `/census?as_of=${form.as_of}`,
      `The census on ${form.as_of} is being computed; it shows here in a few seconds (reload the page).`,
    );
  }
}
