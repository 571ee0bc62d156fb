import { newToken } from '@roundtable/core';
import {
  DEFAULT_ACCOUNTABILITIES,
  InvitationRepository,
  invitationId,
  LinkRepository,
  SurveyRepository,
} from '@roundtable/surveys';
import type { TestApp } from '../support/create-test-app';

/**
 * A survey as distribution leaves it once sending started: the 16 accountabilities (keys i1..i16),
 * the revenue band asked, open, closing in a month.
 */
export async function openSurvey(t: TestApp, overrides: { profileQuestions?: string[] } = {}): Promise<string> {
  const surveys = t.app.get(SurveyRepository);
  const survey = await surveys.create({
    title: 'Accountabilities 2026',
    intro: 'Which functions are yours, and how does your organisation rank them?',
    items: DEFAULT_ACCOUNTABILITIES.map((label, index) => ({ key: `i${index + 1}`, label })),
    profileQuestions: overrides.profileQuestions ?? ['revenueBand'],
    audience: { tiers: [], filters: {} },
    opensAt: null,
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    reminders: [],
  });
  await surveys.markSent(String(survey._id));
  return String(survey._id);
}

/** Invites a member the way distribution does (invitation, then a link of which only the hash is stored). */
export async function invite(
  t: TestApp,
  surveyId: string,
  member: { memberId?: string; email?: string; profile?: Record<string, unknown> } = {},
): Promise<{ token: string; invitationId: string; memberId: string }> {
  const memberId = member.memberId ?? `m${Math.random().toString(36).slice(2, 10)}`;
  await t.app.get(InvitationRepository).insertOnce({
    surveyId,
    memberId,
    email: member.email ?? `${memberId}@example.test`,
    name: 'Casey Example',
    profile: member.profile ?? { revenueBand: '>$1B', businessModel: 'B2B' },
    tier: 'council',
  });
  const { token, hash } = newToken();
  await t.app.get(LinkRepository).insert(hash, invitationId(surveyId, memberId), surveyId);
  return { token, invitationId: invitationId(surveyId, memberId), memberId };
}

/** A valid answer: holds i5, i1, i3 in that priority order. */
export function answer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    held: ['i1', 'i3', 'i5'],
    rank_i5: '1',
    rank_i1: '2',
    rank_i3: '3',
    profile_revenueBand: '>$1B',
    action: 'submit',
    ...overrides,
  };
}
