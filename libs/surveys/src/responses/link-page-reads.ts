import { KeptValues } from '@roundtable/core';
import type { SurveyRecord } from '../definition/survey.repository';
import type { LinkRecord } from '../links/link.repository';
import type { PageResult } from './response-pages.service';
import type { ResponseRecord } from './response.repository';

/** How long a GET of `/s/<token>` reuses what the last GET of that link read, in this process. */
export const LINK_PAGE_READS_MS = 1_000;
/**
 * A view of a link whose reads are older than this share of `ttlMs` reads them again in the background
 * and is answered from what is kept, so a link viewed steadily never makes a view wait for the database.
 */
const REFRESH_AFTER_SHARE = 0.6;
/** How many links' reads one process holds at most, expired or not. */
export const LINK_PAGE_READS_MAX = 10_000;

/** What showing the survey page for one link reads: the link, its response, and the profile prefill. */
export interface LinkPageReads {
  link: LinkRecord | null;
  response: ResponseRecord | null;
  /** Profile answers to start from (the invitation's snapshot); read only while there is no response. */
  prefill: Record<string, string>;
  /** "Opened" is recorded for this invitation (the unique insert ran once from this process). */
  opened: boolean;
  /** The page these reads gave with that survey (the survey cache's object), to reuse as it is. */
  page?: { survey: SurveyRecord | null; result: PageResult };
}

interface KeptReads {
  reads: LinkPageReads;
  until: number;
  refreshAt: number;
  /** How these reads were made, to make them again in the background. */
  load?: () => Promise<LinkPageReads>;
}

/**
 * The survey page's reads per link for one second, so that a link reloaded or shared by many tabs
 * costs no database round trip per view (each of these reads scans its collection on FerretDB v1).
 * Only GETs use it, and never the page shown right after a save (that reads live). A write made in
 * this process (an answer, from the link or the portal) drops its entries at once; a write made by
 * another process, or a link revoked by the worker, shows within `ttlMs`. Answers (POST) never use it.
 */
export class LinkPageReadsCache {
  /** Read with `peek`, so the order stays the order kept in and the expired ones lead. */
  private readonly byHash = new KeptValues<KeptReads>({
    max: LINK_PAGE_READS_MAX,
    onRemove: (entry, hash) => this.unindex(entry, hash),
  });
  private readonly hashesByInvitation = new Map<string, Set<string>>();
  private readonly loading = new Map<string, Promise<LinkPageReads>>();
  /** Counts `forgetInvitation` calls, so a read that one overtook is not kept. */
  private forgets = 0;
  /**
   * The count at which each invitation was last forgotten while reads were under way: a read is not
   * kept if its invitation was forgotten after it began (answers to other invitations do not matter).
   * Emptied whenever no read is under way.
   */
  private readonly forgottenAt = new Map<string, number>();

  constructor(private readonly ttlMs = LINK_PAGE_READS_MS) {}

  /**
   * The kept reads for `hash`, or what `load` reads, kept for the next views. Concurrent views of a
   * link share one load, so an expiry under load costs one set of reads, not one per request. Reads
   * past `REFRESH_AFTER_SHARE` of their time are still given, and read again in the background for
   * the views after: what a view sees is never older than `ttlMs`, and it does not wait for it.
   */
  read(hash: string, load: () => Promise<LinkPageReads>, now = Date.now()): Promise<LinkPageReads> {
    const entry = this.byHash.peek(hash);
    if (entry && !entry.load) {
      entry.load = load;
    }
    const kept = this.peek(hash, now);
    if (kept) {
      return Promise.resolve(kept);
    }
    return this.loading.get(hash) ?? this.load(hash, load, entry?.reads ?? null);
  }

  /**
   * The kept reads for `hash` while they are in their time, else null; without waiting. Reads past
   * `REFRESH_AFTER_SHARE` of their time are read again in the background, as they were read.
   */
  peek(hash: string, now = Date.now()): LinkPageReads | null {
    const entry = this.byHash.peek(hash);
    if (!entry || entry.until <= now) {
      return null;
    }
    if (entry.refreshAt <= now && entry.load && !this.loading.has(hash)) {
      // Nobody waits for it; a failed refresh leaves the kept reads to expire and the next view to load.
      this.load(hash, entry.load, entry.reads).catch(() => undefined);
    }
    return entry.reads;
  }

  private load(hash: string, load: () => Promise<LinkPageReads>, before: LinkPageReads | null): Promise<LinkPageReads> {
    const forgetsBefore = this.forgets;
    const loaded = load()
      .then((reads) => {
        // "Opened" was recorded through the same link: the reads after need not try its insert again.
        if (before?.opened && before.link?.invitationId === reads.link?.invitationId) {
          reads.opened = true;
        }
        const invitationId = reads.link?.invitationId;
        if (invitationId === undefined || (this.forgottenAt.get(invitationId) ?? 0) <= forgetsBefore) {
          this.set(hash, reads, Date.now(), load);
        }
        return reads;
      })
      .finally(() => {
        this.loading.delete(hash);
        if (this.loading.size === 0) {
          this.forgottenAt.clear();
        }
      });
    this.loading.set(hash, loaded);
    return loaded;
  }

  get(hash: string, now = Date.now()): LinkPageReads | null {
    const entry = this.byHash.peek(hash);
    if (!entry) {
      return null;
    }
    if (entry.until <= now) {
      this.byHash.delete(hash);
      return null;
    }
    return entry.reads;
  }

  set(hash: string, reads: LinkPageReads, now = Date.now(), load?: () => Promise<LinkPageReads>): void {
    this.byHash.delete(hash);
    // The expired ones go, and the page each holds with them, so memory holds only the links viewed in
    // the last second (each entry is set anew and read with `peek`, so the oldest lead).
    this.byHash.dropOldestWhile((entry) => entry.until <= now);
    this.byHash.set(hash, { reads, until: now + this.ttlMs, refreshAt: now + this.ttlMs * REFRESH_AFTER_SHARE, load });
    const invitationId = reads.link?.invitationId;
    if (invitationId) {
      const hashes = this.hashesByInvitation.get(invitationId) ?? new Set<string>();
      hashes.add(hash);
      this.hashesByInvitation.set(invitationId, hashes);
    }
  }

  /** How many links' reads are held (expired ones included until the next `set` lets them go). */
  get size(): number {
    return this.byHash.size;
  }

  /** An invitation's response changed here: every link to it reads live next time. */
  forgetInvitation(invitationId: string): void {
    this.forgets++;
    if (this.loading.size > 0) {
      this.forgottenAt.set(invitationId, this.forgets);
    }
    for (const hash of [...(this.hashesByInvitation.get(invitationId) ?? [])]) {
      this.byHash.delete(hash);
    }
  }

  /** An entry left (dropped, expired or pushed out past the maximum): its invitation no longer lists it. */
  private unindex(entry: KeptReads, hash: string): void {
    const invitationId = entry.reads.link?.invitationId;
    const hashes = invitationId ? this.hashesByInvitation.get(invitationId) : undefined;
    if (invitationId && hashes) {
      hashes.delete(hash);
      if (hashes.size === 0) {
        this.hashesByInvitation.delete(invitationId);
      }
    }
  }
}
