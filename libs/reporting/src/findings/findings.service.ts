import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { LRUCache } from 'lru-cache';
import { appConfig, FormOutcome, NotFoundError } from '@roundtable/core';
import type { SessionMember } from '@roundtable/auth';
import { PostDrafts } from '@roundtable/blog';
import { SurveyRepository } from '@roundtable/surveys';
import { mayShow, publishedMinimum, tiedRanks } from '../published/publication';
import { SnapshotRepository, type SnapshotRecord } from '../snapshots/snapshot.repository';
import { trendsModel } from '../trends/trends-model';
import { draftFindingPost } from './finding-post';
import { socialCardSvg, svgToPng } from './social-card';

/** The public address of a published finding's share card (the drafted post's cover image). */
export const cardPath = (surveyId: string) => `/research/${surveyId}/card.png`;

/**
 * Findings that publish themselves: staff's "Draft a post" on a published report, and the share card
 * image of a published finding (rasterised once per snapshot and kept: a snapshot never changes).
 */
@Injectable()
export class Findings {
  private readonly cards = new LRUCache<string, Buffer>({ max: 32 });

  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly surveys: SurveyRepository,
    private readonly drafts: PostDrafts,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** Creates the blog draft from the published snapshot and opens it in the post editor. */
  async draftPost(surveyId: string, author: SessionMember): Promise<FormOutcome> {
    const snapshot = await this.publishedOrFail(surveyId);
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    const trends =
      snapshot.trends && trendsModel(snapshot.trends, publishedMinimum(snapshot.result.options.min_cell)).visible
        ? snapshot.trends
        : null;
    const post = draftFindingPost(
      {
        surveyId,
        title: survey.title,
        itemCount: survey.items.length,
        sentAt: survey.sentAt,
        closedAt: survey.closedAt,
        result: snapshot.result,
        trends,
      },
      cardPath(surveyId),
    );
    const editor = await this.drafts.createDraft(author, {
      title: post.title,
      markdown: post.markdown,
      reportId: surveyId,
      // The editor keeps absolute addresses only; share tags need one anyway.
      coverImageUrl: new URL(cardPath(surveyId), this.app.baseUrl).toString(),
      tags: ['research'],
    });
    return FormOutcome.ok(editor, 'A draft post was written from the published report: edit it, then publish it.');
  }

  /** The published finding's share card as PNG, or a 404 when nothing may be shown. */
  async card(surveyId: string): Promise<Buffer> {
    const snapshot = await this.publishedOrFail(surveyId);
    const key = snapshot._id;
    const kept = this.cards.get(key);
    if (kept) {
      return kept;
    }
    const survey = await this.surveys.findById(surveyId);
    const { result } = snapshot;
    const ranks = tiedRanks(result.items, result.respondents);
    const rows = result.items
      .map((item, k) => ({ rank: ranks[k].label, item: item.item, position: ranks[k].rank }))
      .filter((row) => row.position <= result.options.top_k);
    const png = svgToPng(socialCardSvg(survey?.title ?? 'Research', rows, result.respondents));
    this.cards.set(key, png);
    return png;
  }

  private async publishedOrFail(surveyId: string): Promise<SnapshotRecord> {
    const snapshot = typeof surveyId === 'string' ? await this.snapshots.findPublished(surveyId) : null;
    if (!snapshot || !mayShow(snapshot.result.respondents, snapshot.result.options.min_cell)) {
      throw new NotFoundError('There is no published finding here.');
    }
    return snapshot;
  }
}
