import type { SessionMember } from './session-member';

/** How many signed-in members one process keeps; past it, the longest-held goes first. */
export const SIGNED_IN_MEMBERS_MAX = 10_000;

/**
 * How long a kept member may be used at most, even while the members version is unchanged: only a
 * safety net for a write whose version change failed after the write itself succeeded (the writer
 * got an error, but the member's record did change). The version is what keeps members fresh.
 */
export const SIGNED_IN_MEMBER_MAX_AGE_MS = 60_000;

interface Kept {
  member: SessionMember;
  /** The members version read BEFORE the member was read (see `keep`). */
  version: string;
  keptAt: number;
}

/**
 * The signed-in members one API process keeps in memory so a signed-in page does not read the member
 * record (on FerretDB v1 even an `_id` lookup scans the members collection). A kept member is used
 * only while the members version (MemberVersionRepository, one of core's shared versions) is the one read
 * before that member was read. Why that is enough: every write to a member completes before the
 * writer replaces the version with a fresh random value, so if a request reads that same version
 * before reading the member, the version was read after the write's change, and the member read
 * after it includes the write. Any later write replaces the version, and every process's next
 * request sees a value its kept members do not carry, and reads the member again.
 */
export class SignedInMembers {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly max = SIGNED_IN_MEMBERS_MAX,
    private readonly maxAgeMs = SIGNED_IN_MEMBER_MAX_AGE_MS,
  ) {}

  /** The kept member, if it was read under exactly this version and not too long ago; a copy. */
  find(memberId: string, version: string | null, now = Date.now()): SessionMember | null {
    const kept = this.kept.get(memberId);
    if (!kept || version === null || kept.version !== version || now - kept.keptAt >= this.maxAgeMs) {
      return null;
    }
    return copy(kept.member);
  }

  /**
   * Keeps a member read under `version`, which must have been read before the member was. No version
   * (the document does not exist yet) keeps nothing: there is nothing to tell a change by.
   */
  keep(member: SessionMember, version: string | null, now = Date.now()): void {
    if (version === null) {
      return;
    }
    this.kept.delete(member.id);
    this.kept.set(member.id, { member: copy(member), version, keptAt: now });
    // A Map iterates in insertion order, so the first key is the longest-held.
    while (this.kept.size > this.max) {
      this.kept.delete(this.kept.keys().next().value as string);
    }
  }

  /** Forgets a member (their record is gone). */
  forget(memberId: string): void {
    this.kept.delete(memberId);
  }

  get size(): number {
    return this.kept.size;
  }
}

/** Each request gets its own copy, so nothing one request does to `request.member` reaches another. */
function copy(member: SessionMember): SessionMember {
  return { ...member, membership: { ...member.membership, entitlements: [...member.membership.entitlements] } };
}
