import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@roundtable/core';
import type { LatestResearchSource, ResearchTeaser } from '@roundtable/site';
import { invitationId, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { percent, decimals } from '../console/format';
import { rankingModel, skewModel } from '../console/report-pages.service';
import { SnapshotRepository } from '../snapshots/snapshot.repository';

/**
 * What members see of the research: the published reports (a published snapshot, read by `_id`),
 * a member's own answers against their peers', and the home page's "Latest research" teasers.
 */
@Injectable()
export class PublishedReports implements LatestResearchSource {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly surveys: SurveyRepository,
    private readonly responses: ResponseRepository,
  ) {}

  async latest(limit: number): Promise<ResearchTeaser[]> {
    const states = await this.snapshots.listPublished(limit);
    return states
      .filter((state) => state.publishedSummary && state.publishedAt)
      .map((state) => {
        const s = state.publishedSummary!;
        const highlights = [`${s.respondents} members answered`];
        if (s.responseRate !== null) {
          highlights.unshift(`${percent(s.responseRate)} response rate`);
        }
        if (s.skews.length) {
          highlights.push(`Skewed toward ${s.skews.join(' and ')}`);
        }
        return {
          title: s.title,
          summary: `The ${s.top.length} most common: ${s.top.join('; ')}.`,
          url: `/reports/${s.surveyId}`,
          publishedAt: state.publishedAt as Date,
          highlights,
        };
      });
  }

  async listPage() {
    return { title: 'Research', reports: await this.latest(20) };
  }

  async reportPage(surveyId: string, memberId: string) {
    const snapshot = await this.snapshots.findPublished(surveyId);
    if (!snapshot) {
      throw new NotFoundError('This report is not published.');
    }
    const survey = await this.surveys.findById(surveyId);
    const mine = await this.responses.findById(invitationId(surveyId, memberId));
    const result = snapshot.result;
    return {
      title: survey?.title ?? 'Research report',
      surveyId,
      ...rankingModel(result),
      responseRate: result.response_rate ? percent(result.response_rate.rate) : null,
      skew: skewModel(result).filter((s) => s.skewed),
      computedAt: snapshot.computedAt,
      answered: mine?.status === 'completed',
    };
  }

  /** The member's holdings and ranks beside the published figures of their peers. */
  async minePage(surveyId: string, memberId: string) {
    const snapshot = await this.snapshots.findPublished(surveyId);
    const survey = await this.surveys.findById(surveyId);
    if (!snapshot || !survey) {
      throw new NotFoundError('This report is not published.');
    }
    const response = await this.responses.findById(invitationId(surveyId, memberId));
    const labels = new Map(survey.items.map((item) => [item.key, item.label]));
    const held = response?.status === 'completed' ? response.held.map((key) => labels.get(key)).filter(Boolean) : [];
    const yours = new Map(held.map((label, k) => [label as string, k + 1]));
    return {
      title: `Your answers: ${survey.title}`,
      surveyId,
      answered: response?.status === 'completed',
      heldCount: held.length,
      respondents: snapshot.result.respondents,
      rows: snapshot.result.items.map((item) => ({
        item: item.item,
        peerRank: item.rank,
        peerIncumbency: percent(item.incumbency),
        peerMeanRank: decimals(item.mean_rank, 1),
        yourRank: yours.get(item.item) ?? null,
      })),
    };
  }
}
