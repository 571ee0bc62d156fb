import { newToken } from '@roundtable/core';
import {
  DEFAULT_ACCOUNTABILITIES,
  InvitationRepository,
  invitationId,
  LinkRepository,
  ResponseRepository,
  SurveyRepository,
  type InvitationRecord,
  type NewInvitation,
  type ResponseAnswers,
  type SurveyDefinitionFields,
  type SurveyRecord,
} from '@roundtable/surveys';
import type { TestApp } from './create-test-app';

/**
 * A draft survey as staff's editor saves it (SurveyRepository.create): the 16 accountabilities
 * (keys i1..i16), the revenue band asked, closing in a month. `sent` marks it sent, so it is open.
 */
export async function buildSurvey(
  t: TestApp,
  overrides: Partial<SurveyDefinitionFields> = {},
  options: { sent?: boolean } = {},
): Promise<SurveyRecord> {
  const surveys = t.app.get(SurveyRepository);
  const survey = await surveys.create({
    title: 'Accountabilities 2026',
    intro: 'Which functions are yours, and how does your organisation rank them?',
    items: DEFAULT_ACCOUNTABILITIES.map((label, index) => ({ key: `i${index + 1}`, label })),
    profileQuestions: ['revenueBand'],
    audience: { tiers: [], filters: {} },
    opensAt: null,
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    reminders: [],
    ...overrides,
  });
  if (options.sent) {
    await surveys.markSent(String(survey._id));
    return (await surveys.findById(String(survey._id)))!;
  }
  return survey;
}

/** Moves an open survey's close date (into the past, to test a survey whose date has gone by). */
export async function setSurveyCloseDate(t: TestApp, surveyId: string, closesAt: Date): Promise<void> {
  await t.app.get(SurveyRepository).extend(surveyId, closesAt);
}

/**
 * A member's invitation to a survey as distribution writes it (InvitationRepository.insertOnce),
 * `queued` unless `status` says otherwise; returns it as stored.
 */
export async function buildInvitation(
  t: TestApp,
  fields: Pick<NewInvitation, 'surveyId' | 'memberId'> & Partial<NewInvitation>,
  status: InvitationRecord['status'] = 'queued',
): Promise<InvitationRecord> {
  const invitations = t.app.get(InvitationRepository);
  await invitations.insertOnce(
    {
      email: `${fields.memberId}@example.test`,
      name: 'Casey Example',
      profile: { revenueBand: '>$1B', businessModel: 'B2B' },
      tier: 'council',
      ...fields,
    },
    status,
  );
  return (await invitations.findById(invitationId(fields.surveyId, fields.memberId)))!;
}

/** A new link for an invitation, as distribution stores it (only the token's hash); returns the token. */
export async function buildLink(t: TestApp, invitation: { _id: string; surveyId: string }): Promise<string> {
  const { token, hash } = newToken();
  await t.app.get(LinkRepository).insert(hash, invitation._id, invitation.surveyId);
  return token;
}

/** A completed response to an invitation, as the response page stores a submitted answer. */
export async function buildResponse(
  t: TestApp,
  invitation: { _id: string; surveyId: string },
  answers: Partial<ResponseAnswers> = {},
): Promise<void> {
  await t.app.get(ResponseRepository).complete(invitation._id, invitation.surveyId, {
    held: ['i1', 'i3', 'i5'],
    profile: { revenueBand: '>$1B' },
    ...answers,
  });
}
