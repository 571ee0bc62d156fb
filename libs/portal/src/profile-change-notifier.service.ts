import { Inject, Injectable, Optional } from '@nestjs/common';
import { PROFILE_CHANGES, type ProfileChangeListener } from '@roundtable/core';
import type { MemberProfile, MemberRecord } from '@roundtable/members';

/**
 * Tells the feature that listens (the roster, through PROFILE_CHANGES in @roundtable/core) that a
 * member's company or title is about to change, so it can propose a roster change to staff. The
 * portal does not import the roster; in an app without a listener nothing is told.
 */
@Injectable()
export class ProfileChangeNotifier {
  /** `listener`: provided by the roster's global ProfileChangesModule, if the app has it. */
  constructor(@Optional() @Inject(PROFILE_CHANGES) private readonly listener: ProfileChangeListener | null = null) {}

  /** Before the profile is saved: tells the listener when company or title differ from what is stored. */
  async beforeSave(record: MemberRecord | null, name: string, profile: MemberProfile, at = new Date()): Promise<void> {
    const before = record?.profile ?? null;
    if (!this.listener || !record || (before?.company === profile.company && before?.title === profile.title)) {
      return;
    }
    await this.listener.profileChanged({
      memberId: String(record._id),
      name,
      before: before ? { title: before.title ?? '', company: before.company ?? '' } : null,
      after: {
        title: profile.title,
        company: profile.company,
        revenueBand: profile.revenueBand ?? null,
        businessModel: profile.businessModel ?? null,
        industry: profile.industry ?? null,
        ccoModel: profile.ccoModel ?? null,
      },
      at,
    });
  }
}
