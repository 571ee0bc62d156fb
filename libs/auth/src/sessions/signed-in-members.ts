import { KeptUnderVersion } from './kept-under-version';
import type { SessionMember } from './session-member';

/** How many signed-in members one process keeps; past it, the least recently used goes first. */
export const SIGNED_IN_MEMBERS_MAX = 10_000;

/**
 * How long a kept member may be used at most, even while the members version is unchanged: only a
 * safety net for a write whose version change failed after the write itself succeeded (the writer
 * got an error, but the member's record did change). The version is what keeps members fresh.
 */
export const SIGNED_IN_MEMBER_MAX_AGE_MS = 60_000;

/**
 * The signed-in members one API process keeps in memory so a signed-in page does not read the member
 * record: a database command saved per request, which still bounds a signed-in page under load with
 * lookups by index (docs/performance.md measures it; on FerretDB/SQLite the lookup scans). A kept
 * member is used only while the members version (MemberVersionRepository, one of core's shared versions) is the one
 * read before that member was read: every write through MemberRepository changes it after the write
 * completes (`KeptUnderVersion` says why that is enough).
 */
export class SignedInMembers {
  private readonly kept: KeptUnderVersion<SessionMember>;

  constructor(max = SIGNED_IN_MEMBERS_MAX, maxAgeMs = SIGNED_IN_MEMBER_MAX_AGE_MS) {
    this.kept = new KeptUnderVersion(copy, max, maxAgeMs);
  }

  /** The kept member, if it was read under exactly this version and not too long ago; a copy. */
  find(memberId: string, version: string | null, now = Date.now()): SessionMember | null {
    return this.kept.find(memberId, version, now);
  }

  /** Keeps a member read under `version`, which must have been read before the member was. */
  keep(member: SessionMember, version: string | null, now = Date.now()): void {
    this.kept.keep(member.id, member, version, now);
  }

  /** Forgets a member (their record is gone). */
  forget(memberId: string): void {
    this.kept.forget(memberId);
  }

  get size(): number {
    return this.kept.size;
  }
}

/** Each request gets its own copy, so nothing one request does to `request.member` reaches another. */
function copy(member: SessionMember): SessionMember {
  return { ...member, membership: { ...member.membership, entitlements: [...member.membership.entitlements] } };
}
