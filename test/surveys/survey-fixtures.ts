import type { TestApp } from '../support/create-test-app';
import { buildInvitation, buildLink, buildSurvey } from '../support/surveys';

/**
 * A survey as distribution leaves it once sending started: the 16 accountabilities (keys i1..i16),
 * the revenue band asked, open, closing in a month.
 */
export async function openSurvey(t: TestApp, overrides: { profileQuestions?: string[] } = {}): Promise<string> {
  return String((await buildSurvey(t, overrides, { sent: true }))._id);
}

/** Invites a member the way distribution does (invitation, then a link of which only the hash is stored). */
export async function invite(
  t: TestApp,
  surveyId: string,
  member: { memberId?: string; email?: string; profile?: Record<string, unknown> } = {},
): Promise<{ token: string; invitationId: string; memberId: string }> {
  const memberId = member.memberId ?? `m${Math.random().toString(36).slice(2, 10)}`;
  const invitation = await buildInvitation(t, {
    surveyId,
    memberId,
    ...(member.email ? { email: member.email } : {}),
    ...(member.profile ? { profile: member.profile } : {}),
  });
  const token = await buildLink(t, invitation);
  return { token, invitationId: invitation._id, memberId };
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
