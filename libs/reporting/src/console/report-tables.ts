import type { RankingResult } from '@roundtable/rankings';

/**
 * Every table of the console as plain columns and rows, from one snapshot: the page shows them,
 * the CSV export writes them, and the JSON routes return the same figures in their DTO shapes.
 */
export const TABLES = ['ranking', 'response-rate', 'progress', 'skew', 'weighted', 'segments'] as const;
export type TableName = (typeof TABLES)[number];

export interface Table {
  name: TableName;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

export interface SnapshotFigures {
  result: RankingResult;
  progress: { date: string; completed: number }[];
}

export function reportTable(name: TableName, snapshot: SnapshotFigures): Table {
  const { result } = snapshot;
  switch (name) {
    case 'ranking':
      return {
        name,
        columns: [
          'rank',
          'item',
          'borda',
          'incumbency',
          'holders',
          'mean_rank',
          'interval_low',
          'interval_high',
          'top_k_share',
        ],
        rows: result.items.map((i) => [
          i.rank,
          i.item,
          i.borda,
          i.incumbency,
          i.holders,
          i.mean_rank,
          i.rank_interval?.[0] ?? null,
          i.rank_interval?.[1] ?? null,
          i.top_k_share,
        ]),
      };
    case 'response-rate': {
      const r = result.response_rate;
      return {
        name,
        columns: ['invited', 'bounced', 'eligible', 'completed', 'partial', 'rate'],
        rows: r ? [[r.invited, r.bounced, r.eligible, r.completed, r.partial, r.rate]] : [],
      };
    }
    case 'progress': {
      const eligible = result.response_rate?.eligible ?? 0;
      return {
        name,
        columns: ['date', 'completed', 'rate'],
        rows: snapshot.progress.map((p) => [p.date, p.completed, eligible > 0 ? p.completed / eligible : null]),
      };
    }
    case 'skew':
      return {
        name,
        columns: [
          'attribute',
          'value',
          'respondents',
          'respondent_share',
          'invited',
          'invited_share',
          'gap_pp',
          'chi_square',
          'df',
          'p_value',
          'skewed',
        ],
        rows: (result.skew ?? []).flatMap((s) =>
          s.values.map((v) => [
            s.attribute,
            v.value,
            v.respondents,
            v.respondent_share,
            v.invited,
            v.invited_share,
            v.gap_pp,
            s.chi_square,
            s.df,
            s.p_value,
            s.skewed,
          ]),
        ),
      };
    case 'weighted':
      return {
        name,
        columns: ['rank', 'item', 'borda', 'incumbency', 'mean_rank', 'unweighted_rank'],
        rows: (result.weighted?.items ?? []).map((i) => [
          i.rank,
          i.item,
          i.borda,
          i.incumbency,
          i.mean_rank,
          i.unweighted_rank,
        ]),
      };
    case 'segments':
      return {
        name,
        columns: ['attribute', 'value', 'respondents', 'shown', 'rank', 'item', 'borda', 'incumbency', 'mean_rank'],
        rows: (result.segments ?? []).flatMap((s) =>
          s.values.flatMap((v) =>
            v.shown && v.items
              ? v.items.map((i) => [
                  s.attribute,
                  v.value,
                  v.respondents,
                  true,
                  i.rank,
                  i.item,
                  i.borda,
                  i.incumbency,
                  i.mean_rank,
                ])
              : [[s.attribute, v.value, null, false, null, null, null, null, null]],
          ),
        ),
      };
  }
}
