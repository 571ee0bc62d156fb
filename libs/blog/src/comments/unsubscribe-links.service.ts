import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig, BadRequestError, hashToken, looksLikeToken, newToken } from '@roundtable/core';
import { CommentRepository } from './comment.repository';
import { UnsubscribeLinkRepository } from './unsubscribe-link.repository';
import { UNSUBSCRIBE_KINDS, UnsubscribeKind } from './unsubscribe-link.schema';
import { PostRepository } from '../posts/post.repository';

const BATCH = 500;

/**
 * Links sent before tokens were hashed held 24 random bytes (32 base64url characters), stored raw
 * on the post or comment. The backfill below moves each one's hash into a link, so they still work.
 */
const LEGACY_TOKEN = /^[A-Za-z0-9_-]{32}$/;

function kindOf(kind: string): UnsubscribeKind {
  if (!(UNSUBSCRIBE_KINDS as readonly string[]).includes(kind)) {
    throw new BadRequestError('This unsubscribe link is not valid.');
  }
  return kind as UnsubscribeKind;
}

/**
 * Unsubscribe links in comment emails: each email gets a fresh token (`newToken`), only its hash is
 * stored; opening the link is one `_id` read. GET shows a button (mail scanners follow links), POST
 * (the button, or a mail client's one-click RFC 8058 POST) stops the emails.
 */
@Injectable()
export class UnsubscribeLinks implements OnApplicationBootstrap {
  private readonly logger = new Logger(UnsubscribeLinks.name);

  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly links: UnsubscribeLinkRepository,
    private readonly comments: CommentRepository,
    private readonly posts: PostRepository,
  ) {}

  /** A new link for one email: stop comment emails about post `targetId`, or reply emails to comment `targetId`. */
  async newLink(kind: UnsubscribeKind, targetId: string): Promise<string> {
    const { token, hash } = newToken();
    await this.links.create(hash, kind, targetId);
    return `${this.app.baseUrl}/blog/unsubscribe/${kind}/${token}`;
  }

  unsubscribePage(kind: string, token: string) {
    return { title: 'Stop these emails', kind: kindOf(kind), token, done: false };
  }

  async unsubscribe(kind: string, token: string) {
    const wanted = kindOf(kind);
    const link =
      looksLikeToken(token) || LEGACY_TOKEN.test(token) ? await this.links.findByHash(hashToken(token)) : null;
    if (!link || link.kind !== wanted) {
      throw new BadRequestError('This unsubscribe link is not valid.');
    }
    await this.links.stop(link.kind, link.targetId);
    return { title: 'Stop these emails', done: true };
  }

  /** Whether someone followed a link stopping emails of `kind` about `targetId`. */
  stopped(kind: UnsubscribeKind, targetId: string): Promise<boolean> {
    return this.links.isStopped(kind, targetId);
  }

  /** Moves tokens stored raw (before links were hashed) into links by hash, once, at start-up. */
  async onApplicationBootstrap(): Promise<void> {
    let moved = 0;
    for (const [kind, source] of [
      ['comment', this.comments],
      ['post', this.posts],
    ] as const) {
      let batch = await source.findWithRawUnsubscribeToken(BATCH);
      while (batch.length > 0) {
        for (const { _id, unsubscribeToken } of batch) {
          await this.links.create(hashToken(unsubscribeToken), kind, String(_id));
          await source.clearRawUnsubscribeToken(String(_id));
        }
        moved += batch.length;
        batch = batch.length === BATCH ? await source.findWithRawUnsubscribeToken(BATCH) : [];
      }
    }
    if (moved > 0) {
      this.logger.log(`Unsubscribe links: ${moved} raw token(s) replaced by their hashes.`);
    }
  }
}
