import { isoDateTime } from '@roundtable/core';
import type { ResponseRecord, SurveyItem } from '@roundtable/surveys';

/**
 * The raw responses of a survey as CSV rows: a respondent number (not the invitation id, which names
 * the member), status, dates, each item's rank (blank when not held) and the profile answers. No
 * token, no name, no member id. Pure, tested alone.
 */
export function csvHeader(items: SurveyItem[], profileKeys: string[]): string[] {
  return ['respondent', 'status', 'started_at', 'completed_at', ...items.map((item) => item.label), ...profileKeys];
}

export function csvRow(
  respondent: number,
  response: Pick<ResponseRecord, 'status' | 'held' | 'profile' | 'startedAt' | 'completedAt'>,
  items: SurveyItem[],
  profileKeys: string[],
): string[] {
  const rank = new Map(response.held.map((key, index) => [key, String(index + 1)]));
  return [
    String(respondent),
    response.status,
    isoDateTime(response.startedAt),
    isoDateTime(response.completedAt),
    ...items.map((item) => rank.get(item.key) ?? ''),
    ...profileKeys.map((key) => response.profile?.[key] ?? ''),
  ];
}
