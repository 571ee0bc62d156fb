import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { MailSuppression, SuppressionReason, UnsubscribeLink } from './suppression.schema';

/** The only code that touches mail_suppressions and mail_unsubscribe_links. */
@Injectable()
export class SuppressionRepository {
  constructor(
    @InjectModel(MailSuppression.name) private readonly suppressions: Model<MailSuppression>,
    @InjectModel(UnsubscribeLink.name) private readonly links: Model<UnsubscribeLink>,
  ) {}

  /** Records the address as suppressed; the first reason recorded stays. */
  async suppress(email: string, reason: SuppressionReason, detail = ''): Promise<void> {
    await insertOnce(this.suppressions, { _id: email.trim().toLowerCase(), reason, detail });
  }

  findOne(email: string): Promise<MailSuppression | null> {
    return this.suppressions.findById(email.trim().toLowerCase()).lean<MailSuppression>();
  }

  /** Which of these addresses are suppressed (one `$in` read for a batch), by address. */
  async findAmong(emails: string[]): Promise<Map<string, MailSuppression>> {
    const found = await this.suppressions
      .find({ _id: { $in: emails.map((email) => email.trim().toLowerCase()) } })
      .lean<MailSuppression[]>();
    return new Map(found.map((entry) => [entry._id, entry]));
  }

  async insertLink(hash: string, email: string, topic: string): Promise<void> {
    await this.links.create({ _id: hash, email: email.trim().toLowerCase(), topic });
  }

  /** Stores many unsubscribe links in one insert (a batch of bulk mail). */
  async insertLinks(links: Array<{ hash: string; email: string; topic: string }>): Promise<void> {
    if (links.length > 0) {
      // Every field of UnsubscribeLink, straight to the driver (one per email of a batch; see SurveyLink's).
      const createdAt = new Date();
      const documents: UnsubscribeLink[] = links.map((link) => ({
        _id: link.hash,
        email: link.email.trim().toLowerCase(),
        topic: link.topic,
        createdAt,
      }));
      await this.links.collection.insertMany(documents as never[], { ordered: false });
    }
  }

  findLink(hash: string): Promise<UnsubscribeLink | null> {
    return this.links.findById(hash).lean<UnsubscribeLink>();
  }
}
