import { Injectable } from '@nestjs/common';
import { KeptValues, NotFoundError, PageAnswer } from '@roundtable/core';
import type { RankingResult, SegmentTable } from '@roundtable/rankings';
import { SurveyRepository, type SurveyRecord } from '@roundtable/surveys';
import { attributeLabel } from '../compute/profile-values';
import { SnapshotRepository, type SnapshotRecord } from '../snapshots/snapshot.repository';
import { KeptResultsReads } from './kept-results-reads';
import { SnapshotHtml } from './snapshot-html';
import { progressCharts, rankCharts } from './charts';
import { decimals, formatDate, formatDateTime, percent, pValue, signedPoints } from './format';
import { TABLES } from './report-tables';
import { publishRefusal, tiedRanks } from '../published/publication';

/**
 * Page models of the reporting console. Every number comes from a stored snapshot: a page reads the
 * survey, its state and one snapshot by `_id`, never the responses.
 */
@Injectable()
export class ReportPages {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly keptReads: KeptResultsReads,
  ) {}

  async listPage() {
    const surveys = await this.surveys.listNewestFirst(50);
    const rows = await Promise.all(
      surveys.map(async (survey) => {
        const state = await this.snapshots.findState(String(survey._id));
        return {
          id: String(survey._id),
          title: survey.title,
          status: survey.status,
          computedAt: state?.computedAt ? formatDateTime(state.computedAt) : null,
          published: Boolean(state?.publishedVersion),
        };
      }),
    );
    return { title: 'Survey results', surveys: rows };
  }

  async surveyOrFail(surveyId: string): Promise<SurveyRecord> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    return survey;
  }

  async latestOrFail(surveyId: string): Promise<SnapshotRecord> {
    await this.surveyOrFail(surveyId);
    const snapshot = await this.snapshots.findLatest(surveyId);
    if (!snapshot) {
      throw new NotFoundError('This survey has no computed result yet.');
    }
    return snapshot;
  }

  /**
   * Staff's results page: the survey, its result state and its skew rounds as this process keeps them
   * under their shared versions (`KeptResultsReads`: read again after any write to them, in any
   * process), then the snapshot's part of the page from `snapshotModels` when this process has built it
   * before. A snapshot `_id` (`<surveyId>:<version>`) is written once and never changed, so its model
   * (tables, SVG charts) can be kept; a new computation is a new version, found through the state. The
   * HTML of that part, with the published version and skew rounds, is kept too (`SnapshotHtml`), so a
   * view templates only the page around it (navigation, actions, CSRF fields).
   */
  async adminReportPage(surveyId: string, segment?: string, notice?: string) {
    return (await this.adminReport(surveyId, segment, notice)).model;
  }

  /**
   * The results page as the console answers it: its HTML kept per process (`PageAnswer.kept`) under
   * everything it shows, which is all read under the shared versions above or fixed by the snapshot
   * version, so a change in any process gives a new key on the next view.
   */
  async adminReportAnswer(surveyId: string, segment?: string): Promise<PageAnswer> {
    const { model, key } = await this.adminReport(surveyId, segment);
    return PageAnswer.kept(key, model);
  }

  private async adminReport(surveyId: string, segment?: string, notice?: string) {
    const { survey, state, skewRounds } = await this.keptReads.read(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    const base = {
      title: `Results: ${survey.title}`,
      survey: { id: surveyId, title: survey.title, status: survey.status, isWave: Boolean(survey.waveOf) },
      // A round confirmed after the snapshot shows at once: recording it changes the rounds' version.
      skewRounds: skewRounds.map((round) => ({
        round: round.round,
        date: formatDate(round.at),
        segments: `${round.dimension}: ${round.values.join(', ')}`,
        emailed: round.emails,
      })),
      notice:
        notice === 'queued'
          ? 'The result is being recomputed; reload in a moment.'
          : notice === 'published'
            ? 'Published to members.'
            : null,
    };
    const version = state?.latestVersion ?? 0;
    const model = version > 0 ? await this.snapshotModel(surveyId, version, segment) : null;
    if (!model) {
      return { model: { ...base, snapshot: null }, key: JSON.stringify([base, null]) };
    }
    const published = state?.publishedVersion ?? null;
    const page = { ...base, ...model, published, publishedIsLatest: published === version };
    const inputs = { surveyId, version, segment, published, skewRounds: base.skewRounds };
    return {
      model: { ...page, snapshotHtml: this.snapshotHtml.html(inputs, () => page) },
      key: JSON.stringify([base, version, segment ?? '', published]),
    };
  }

  private readonly snapshotHtml = new SnapshotHtml();

  private readonly snapshotModels = new KeptValues<SnapshotModel>({ max: MODELS_KEPT });

  private async snapshotModel(surveyId: string, version: number, segment?: string): Promise<SnapshotModel | null> {
    const key = `${surveyId}:${version}|${segment ?? ''}`;
    const kept = this.snapshotModels.get(key);
    if (kept) {
      return kept;
    }
    const snapshot = await this.snapshots.findVersion(surveyId, version);
    if (!snapshot) {
      return null;
    }
    const model = snapshotModel(snapshot, surveyId, segment);
    // Bounded (the segment comes from the query string): the least recently used model goes first.
    this.snapshotModels.set(key, model);
    return model;
  }
}

/** How many snapshot page models a process keeps (a few surveys × their segment tabs). */
const MODELS_KEPT = 64;

type SnapshotModel = ReturnType<typeof snapshotModel>;

/** The part of the results page that depends only on one snapshot (and the segment tab shown). */
function snapshotModel(snapshot: SnapshotRecord, surveyId: string, segment?: string) {
  const result = snapshot.result;
  return {
    /** Why this result may not be published yet (too few respondents), said before staff press the button. */
    publishRefusal: publishRefusal(result.respondents, result.options.min_cell),
    snapshot: {
      version: snapshot.version,
      computedAt: formatDateTime(snapshot.computedAt),
      trigger: snapshot.trigger,
      final: snapshot.final,
      computeMs: snapshot.computeMs,
      method: `${result.method} v${result.method_version}`,
      options: result.options,
    },
    ...rankingModel(result),
    ...responseModel(snapshot),
    skew: skewModel(result),
    weighted: weightedModel(result),
    segments: segmentModel(result, snapshot.attributes, surveyId, segment),
    tables: TABLES.map((name) => ({
      name,
      csv: `/admin/reports/${surveyId}/tables/${name}.csv`,
      json: `/api/reports/${surveyId}/${name}`,
    })),
  };
}

/**
 * The ranked items as table rows and the interval chart. With `ties` (pages for members and
 * visitors), items with the same Borda score share a rank and read "=6"; staff's console keeps the
 * order that breaks ties (by incumbency, then name), which exports and checks use.
 */
export function rankingModel(result: RankingResult, { ties = false }: { ties?: boolean } = {}) {
  const topK = result.options.top_k;
  const shared = ties ? tiedRanks(result.items, result.respondents) : null;
  const rankOf = (k: number) => shared?.[k] ?? { rank: result.items[k].rank, label: String(result.items[k].rank) };
  return {
    respondents: result.respondents,
    kendallW: decimals(result.kendall_w, 3),
    topK,
    rankChart: rankCharts(
      result.items.map((i, k) => ({
        item: i.item,
        rank: rankOf(k).rank,
        rankLabel: rankOf(k).label,
        rankInterval: i.rank_interval,
        topKShare: i.top_k_share,
      })),
      topK,
    ),
    ranking: result.items.map((i, k) => ({
      rank: rankOf(k).rank,
      rankLabel: rankOf(k).label,
      item: i.item,
      borda: decimals(i.borda),
      incumbency: percent(i.incumbency),
      meanRank: decimals(i.mean_rank, 1),
      interval: i.rank_interval ? `${i.rank_interval[0]}–${i.rank_interval[1]}` : '—',
      topKShare: percent(i.top_k_share),
    })),
  };
}

function responseModel(snapshot: SnapshotRecord) {
  const rate = snapshot.result.response_rate;
  const eligible = rate?.eligible ?? 0;
  return {
    responseRate: rate ? { ...rate, ratePercent: percent(rate.rate), partial: rate.partial ?? '—' } : null,
    progressChart: progressCharts(snapshot.progress, eligible),
    progress: snapshot.progress.map((p) => ({
      date: formatDate(p.date),
      completed: p.completed,
      rate: percent(eligible ? p.completed / eligible : null),
    })),
  };
}

export function skewModel(result: RankingResult) {
  return (result.skew ?? []).map((s) => ({
    attribute: s.attribute,
    label: attributeLabel(s.attribute),
    skewed: s.skewed,
    summary: s.summary ? s.summary.replace(`(${s.attribute})`, `(${attributeLabel(s.attribute)})`) : null,
    chiSquare: decimals(s.chi_square),
    df: s.df ?? '—',
    pValue: pValue(s.p_value),
    rows: s.values.map((v) => ({
      value: v.value,
      respondents: v.respondents,
      respondentShare: percent(v.respondent_share),
      invited: v.invited,
      invitedShare: percent(v.invited_share),
      gap: signedPoints(v.gap_pp),
      flagged: Math.abs(v.gap_pp) >= 10,
    })),
  }));
}

function weightedModel(result: RankingResult) {
  const weighted = result.weighted;
  if (!weighted) {
    return null;
  }
  const byItem = new Map(weighted.items.map((i) => [i.item, i]));
  return {
    method: weighted.method,
    weightBy: weighted.weight_by.map(attributeLabel),
    designEffect: decimals(weighted.design_effect),
    weightRange: `${decimals(weighted.weight_min)}–${decimals(weighted.weight_max)}`,
    rows: result.items.map((i) => {
      const w = byItem.get(i.item);
      const change = w ? i.rank - w.rank : 0;
      return {
        item: i.item,
        rank: i.rank,
        borda: decimals(i.borda),
        weightedRank: w?.rank ?? '—',
        weightedBorda: decimals(w?.borda),
        change: change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : 'same',
      };
    }),
  };
}

/**
 * One tab per attribute with at least one cell of min_cell respondents; a cell below it is named
 * but shows no figure, so nobody's answers can be singled out.
 */
function segmentModel(result: RankingResult, attributes: string[], surveyId: string, selected?: string) {
  const tables = new Map((result.segments ?? []).map((s) => [s.attribute, s]));
  const visible = (attributes.length ? attributes : [...tables.keys()])
    .map((attribute) => tables.get(attribute))
    .filter((s): s is SegmentTable => Boolean(s?.values.some((v) => v.shown)));
  if (visible.length === 0) {
    return null;
  }
  const current = visible.find((s) => s.attribute === selected) ?? visible[0];
  const shown = current.values.filter((v) => v.shown);
  const rankOf = shown.map((v) => new Map((v.items ?? []).map((i) => [i.item, i])));
  return {
    minCell: current.min_cell,
    tabs: visible.map((s) => ({
      label: attributeLabel(s.attribute),
      href: `/admin/reports/${surveyId}?segment=${encodeURIComponent(s.attribute)}#segments`,
      selected: s === current,
    })),
    label: attributeLabel(current.attribute),
    columns: shown.map((v) => ({
      value: v.value,
      respondents: v.respondents,
      kendallW: decimals(v.kendall_w ?? null, 3),
    })),
    rows: result.items.map((i) => ({
      item: i.item,
      rank: i.rank,
      cells: rankOf.map((ranks) => {
        const cell = ranks.get(i.item);
        return cell ? { rank: cell.rank, incumbency: percent(cell.incumbency) } : null;
      }),
    })),
    hidden: current.values.filter((v) => !v.shown).map((v) => v.value),
  };
}
