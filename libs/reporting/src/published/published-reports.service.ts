import { Injectable } from '@nestjs/common';
import { isEntitled, type SessionMember } from '@roundtable/auth';
import {
  NotFoundError,
  PageCache,
  type PublishedReportSource,
  type ReportCard,
  type ReportChoice,
  type ReportViewer,
  plural,
} from '@roundtable/core';
import type { LatestResearchSource, ResearchTeaser } from '@roundtable/site';
import { invitationId, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { percent, decimals } from '../console/format';
import { rankingModel, skewModel } from '../console/report-pages.service';
import type { PublishedSummary } from '../snapshots/ranking-snapshot.schema';
import { SnapshotRepository, type SnapshotRecord } from '../snapshots/snapshot.repository';
import { ownChange } from '../trends/own-change';
import { trendsModel } from '../trends/trends-model';
import { mayShow, publishedMinimum, tiedRanks } from './publication';
import { PEER_BENCHMARK, teaserFor } from './report-access';

/** How many published reports the post editor offers (newest first). */
const REPORT_CHOICES = 100;

/** The headline of a published result and its figures, as teasers and cards show them. */
function finding(s: PublishedSummary): { headline: string; highlights: string[] } {
  const top = s.top.map((item, k) => (s.topRanks?.[k]?.startsWith('=') ? `${item} (${s.topRanks[k]})` : item));
  const highlights = [`${plural(s.respondents, 'member')} answered`];
  if (s.responseRate !== null) {
    highlights.unshift(`${percent(s.responseRate)} response rate`);
  }
  if (s.skews.length) {
    highlights.push(`Skewed toward ${s.skews.join(' and ')}`);
  }
  return { headline: `The ${top.length} most common: ${top.join('; ')}.`, highlights };
}

/**
 * What members see of the research: the published reports (a published snapshot, read by `_id`),
 * a member's own answers against their peers', the home page's "Latest research" teasers, and the
 * report cards the blog attaches to posts (PUBLISHED_REPORTS in @roundtable/core).
 */
@Injectable()
export class PublishedReports implements LatestResearchSource, PublishedReportSource {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly surveys: SurveyRepository,
    private readonly responses: ResponseRepository,
    private readonly pageCache: PageCache,
  ) {}

  async latest(limit: number, viewer: ReportViewer | undefined): Promise<ResearchTeaser[]> {
    const states = await this.snapshots.listPublished(limit);
    return states
      .filter((state) => shown(state.publishedSummary) && state.publishedAt)
      .map((state) => {
        const s = state.publishedSummary!;
        const { headline, highlights, readsReport } = teaserFor(finding(s), viewer);
        return {
          title: s.title,
          summary: headline,
          url: `/reports/${s.surveyId}`,
          publishedAt: state.publishedAt as Date,
          highlights,
          readsReport,
        };
      });
  }

  async choices(): Promise<ReportChoice[]> {
    const states = await this.snapshots.listPublished(REPORT_CHOICES);
    return states
      .filter((state) => shown(state.publishedSummary))
      .map((state) => ({ id: state._id, title: state.publishedSummary!.title }));
  }

  /**
   * One `_id` read, kept with the public pages' data (publishing and unpublishing invalidate it), so
   * a post page with a report costs no extra round trip. It shows what the home page's teaser shows.
   */
  async card(id: string, viewer: ReportViewer | undefined): Promise<ReportCard | null> {
    const state =
      typeof id === 'string' && id.length <= 64
        ? await this.pageCache.remember(`report-state:${id}`, () => this.snapshots.findState(id))
        : null;
    const s = state?.publishedVersion ? state.publishedSummary : null;
    if (!s || !shown(s)) {
      return null;
    }
    const { readsReport, ...teaser } = teaserFor(finding(s), viewer);
    return { id: s.surveyId, title: s.title, url: `/reports/${s.surveyId}`, finding: teaser, readsReport };
  }

  async listPage(viewer: ReportViewer) {
    return { title: 'Research', reports: await this.latest(20, viewer) };
  }

  async reportPage(surveyId: string, member: SessionMember) {
    const snapshot = await this.publishedOrFail(surveyId);
    const survey = await this.surveys.findById(surveyId);
    const mine = await this.responses.findById(invitationId(surveyId, member.id));
    const result = snapshot.result;
    return {
      title: survey?.title ?? 'Research report',
      surveyId,
      ...rankingModel(result, { ties: true }),
      responseRate: result.response_rate ? percent(result.response_rate.rate) : null,
      skew: skewModel(result).filter((s) => s.skewed),
      computedAt: snapshot.computedAt,
      answered: mine?.status === 'completed',
      // The link to their own answers goes to those whose tier includes the benchmark; others see the tiers.
      benchmark: isEntitled(member, PEER_BENCHMARK),
      trend: memberTrend(snapshot),
    };
  }

  /** The member's holdings and ranks beside the published figures of their peers. */
  async minePage(surveyId: string, memberId: string) {
    const snapshot = await this.publishedOrFail(surveyId);
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('This report is not published.');
    }
    const peerRanks = tiedRanks(snapshot.result.items, snapshot.result.respondents);
    const response = await this.responses.findById(invitationId(surveyId, memberId));
    const labels = new Map(survey.items.map((item) => [item.key, item.label]));
    const held = response?.status === 'completed' ? response.held.map((key) => labels.get(key)).filter(Boolean) : [];
    const yours = new Map(held.map((label, k) => [label as string, k + 1]));
    return {
      title: `Your answers: ${survey.title}`,
      ownChange: await this.ownChangeOf(snapshot, memberId, response?.status === 'completed' ? response.held : null),
      surveyId,
      answered: response?.status === 'completed',
      heldCount: held.length,
      respondents: snapshot.result.respondents,
      rows: snapshot.result.items.map((item, k) => ({
        item: item.item,
        peerRank: peerRanks[k].label,
        peerIncumbency: percent(item.incumbency),
        peerMeanRank: decimals(item.mean_rank, 1),
        yourRank: yours.get(item.item) ?? null,
      })),
    };
  }

  /**
   * The member's own change between the last two waves, when the trend may be shown to members and
   * they completed both waves (their earlier response is one `_id` read).
   */
  private async ownChangeOf(snapshot: SnapshotRecord, memberId: string, laterHeld: string[] | null) {
    const trends = snapshot.trends;
    if (!laterHeld || !trends || !memberTrend(snapshot)) {
      return null;
    }
    const earlierWave = trends.waves[trends.waves.length - 2];
    const earlier = await this.responses.findById(invitationId(earlierWave.surveyId, memberId));
    return earlier?.status === 'completed' ? ownChange(trends, earlier.held, laterHeld) : null;
  }

  /**
   * The published snapshot, if it may be shown: a result of fewer respondents than its minimum is
   * refused at publishing, and refused here again whatever the state says.
   */
  private async publishedOrFail(surveyId: string): Promise<SnapshotRecord> {
    const snapshot = await this.snapshots.findPublished(surveyId);
    if (!snapshot) {
      throw new NotFoundError('This report is not published.');
    }
    const { respondents, options } = snapshot.result;
    if (!mayShow(respondents, options.min_cell)) {
      throw new NotFoundError(
        `Fewer than ${publishedMinimum(options.min_cell)} members answered this survey, so its results are not shown.`,
      );
    }
    return snapshot;
  }
}

/** Whether a published summary may show its figures (see `mayShow`). */
function shown(s: PublishedSummary | null | undefined): s is PublishedSummary {
  return Boolean(s) && mayShow(s!.respondents, s!.minCell);
}

/** The trend members may see: only when every wave has at least the minimum cell of respondents. */
function memberTrend(snapshot: SnapshotRecord) {
  if (!snapshot.trends) {
    return null;
  }
  const model = trendsModel(snapshot.trends, publishedMinimum(snapshot.result.options.min_cell), 'trend-chart');
  return model.visible ? model : null;
}
