import { Injectable, OnModuleInit } from '@nestjs/common';
import { SharedVersions } from '@roundtable/core';

/** The name of the members version among the shared versions (core's SharedVersion). */
export const MEMBERS_VERSION = 'members';

/**
 * The members version: a value that changes whenever any member record changes, so a process that
 * keeps members in memory (the signed-in member of each request, see auth's SignedInMembers) can tell
 * whether what it holds may be stale. MemberRepository calls `changed()` after every write to the
 * members collection, after the write has completed, so anyone who reads the new value afterwards and
 * then reads a member sees that write. It is one of core's shared versions, so a request reads it
 * with the others (the sessions version) in one small read (auth's session middleware).
 */
@Injectable()
export class MemberVersionRepository implements OnModuleInit {
  constructor(private readonly versions: SharedVersions) {}

  /**
   * Makes sure the version exists (an existing one is kept), so members can be kept from the first
   * request even when nothing has written a member since the database was filled (a restore, a
   * seeded benchmark). Until it exists, readers keep no member.
   */
  async onModuleInit(): Promise<void> {
    await this.versions.ensure(MEMBERS_VERSION);
  }

  /** Replaces the value with a fresh random one: every kept member everywhere is now stale. */
  changed(): Promise<void> {
    return this.versions.changed(MEMBERS_VERSION);
  }
}
