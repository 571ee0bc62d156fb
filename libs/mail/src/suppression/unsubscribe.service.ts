import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig, hashToken, looksLikeToken, newToken, NotFoundError } from '@roundtable/core';
import { SuppressionRepository } from './suppression.repository';

/** What the unsubscribe page shows. */
export interface UnsubscribePage {
  title: string;
  token: string;
  topic: string;
  email: string;
  done: boolean;
}

/** A message's unsubscribe link and the `List-Unsubscribe` headers that carry it. */
export interface UnsubscribeLinkForMessage {
  url: string;
  headers: Record<string, string>;
}

/**
 * Unsubscribe links for bulk mail. Each message gets a fresh token whose hash is stored; the link is
 * both the body's "unsubscribe" link (GET shows a confirm button: mail scanners follow links) and the
 * `List-Unsubscribe` target that mail clients POST to with `List-Unsubscribe=One-Click` (RFC 8058).
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly suppressions: SuppressionRepository,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** A new link for one message to `email`, and the headers that carry it. */
  async linkFor(email: string, topic: string): Promise<UnsubscribeLinkForMessage> {
    const { token, hash } = newToken();
    await this.suppressions.insertLink(hash, email, topic);
    return this.message(token);
  }

  /** New links for a batch of messages (one per address, in order), stored in one insert. */
  async linksFor(emails: string[], topic: string): Promise<UnsubscribeLinkForMessage[]> {
    const tokens = emails.map(() => newToken());
    await this.suppressions.insertLinks(emails.map((email, i) => ({ hash: tokens[i].hash, email, topic })));
    return tokens.map(({ token }) => this.message(token));
  }

  async confirmPage(token: string): Promise<UnsubscribePage> {
    const link = await this.linkOrFail(token);
    const suppressed = await this.suppressions.findOne(link.email);
    return { title: 'Stop these emails', token, topic: link.topic, email: link.email, done: suppressed !== null };
  }

  async unsubscribe(token: string): Promise<UnsubscribePage> {
    const link = await this.linkOrFail(token);
    await this.suppressions.suppress(link.email, 'opted_out');
    return { title: 'Stop these emails', token, topic: link.topic, email: link.email, done: true };
  }

  private message(token: string): UnsubscribeLinkForMessage {
    const url = `${this.app.baseUrl}/unsubscribe/${token}`;
    return {
      url,
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  private async linkOrFail(token: string) {
    const link = looksLikeToken(token) ? await this.suppressions.findLink(hashToken(token)) : null;
    if (!link) {
      throw new NotFoundError('This unsubscribe link is not valid. Reply to any of our emails and we will stop them.');
    }
    return link;
  }
}
