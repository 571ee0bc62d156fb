import { Injectable } from '@nestjs/common';
import type { SnapshotRecord } from '../snapshots/snapshot.repository';
import type {
  ProgressTableDto,
  RankingTableDto,
  ResponseRateTableDto,
  SegmentsTableDto,
  SkewTableDto,
  SnapshotMetaDto,
  WeightedTableDto,
} from './dto/report-tables.dto';
import { ReportPages } from './report-pages.service';

/** The console's tables as JSON, from the latest snapshot (the DTOs document each shape). */
@Injectable()
export class ReportApi {
  constructor(private readonly pages: ReportPages) {}

  async ranking(surveyId: string): Promise<RankingTableDto> {
    const s = await this.pages.latestOrFail(surveyId);
    const r = s.result;
    return { ...meta(s), respondents: r.respondents, kendall_w: r.kendall_w, top_k: r.options.top_k, items: r.items };
  }

  async responseRate(surveyId: string): Promise<ResponseRateTableDto> {
    const s = await this.pages.latestOrFail(surveyId);
    const rate = s.result.response_rate ?? {
      invited: s.counts.invited,
      bounced: s.counts.bounced,
      eligible: s.counts.invited - s.counts.bounced,
      completed: s.result.respondents,
      partial: s.counts.partial,
      rate: null,
    };
    return { ...meta(s), ...rate };
  }

  async progress(surveyId: string): Promise<ProgressTableDto> {
    const s = await this.pages.latestOrFail(surveyId);
    const eligible = s.result.response_rate?.eligible ?? 0;
    return { ...meta(s), days: s.progress.map((p) => ({ ...p, rate: eligible > 0 ? p.completed / eligible : null })) };
  }

  async skew(surveyId: string): Promise<SkewTableDto> {
    const s = await this.pages.latestOrFail(surveyId);
    return { ...meta(s), attributes: s.result.skew ?? [] };
  }

  async weighted(surveyId: string): Promise<WeightedTableDto> {
    const s = await this.pages.latestOrFail(surveyId);
    const w = s.result.weighted;
    return {
      ...meta(s),
      weighting: w?.method ?? 'none',
      weight_by: w?.weight_by ?? [],
      design_effect: w?.design_effect ?? 1,
      weight_min: w?.weight_min ?? 1,
      weight_max: w?.weight_max ?? 1,
      items:
        w?.items ??
        s.result.items.map(({ rank_interval: _i, top_k_share: _t, ...item }) => ({
          ...item,
          unweighted_rank: item.rank,
        })),
    };
  }

  async segments(surveyId: string): Promise<SegmentsTableDto> {
    const s = await this.pages.latestOrFail(surveyId);
    // A cell below the minimum says only that it exists: not even how many answered.
    const attributes = (s.result.segments ?? []).map((table) => ({
      ...table,
      values: table.values.map((cell) => (cell.shown ? cell : { value: cell.value, shown: false })),
    }));
    return { ...meta(s), attributes };
  }
}

function meta(s: SnapshotRecord): SnapshotMetaDto {
  return {
    surveyId: s.surveyId,
    version: s.version,
    computedAt: s.computedAt,
    final: s.final,
    method: s.result.method,
    seed: s.result.options.seed,
    resamples: s.result.options.resamples,
  };
}
