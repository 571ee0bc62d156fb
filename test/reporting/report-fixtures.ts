import { RankingComputer } from '@roundtable/reporting';
import type { TestApp } from '../support/create-test-app';
import type { SignedIn } from '../support/sessions';
import { buildInvitation, buildResponse, buildSurvey } from '../support/surveys';

export const REPORT_ITEMS = ['Customer-centric tactics', 'Customer experience management', 'Customer strategy'];

/**
 * A small survey with eight invitations and six completed answers (or `answers`), computed (the test
 * app imports ReportingWorkerModule) and, unless `publish` is false, published by staff through the
 * console. Returns the survey id, which is the report's id.
 */
export async function reportFor(
  t: TestApp,
  staff: SignedIn,
  title: string,
  publish = true,
  answers = 6,
): Promise<string> {
  const survey = await buildSurvey(
    t,
    {
      title,
      intro: '',
      items: REPORT_ITEMS.map((label, f) => ({ key: `i${f + 1}`, label })),
      profileQuestions: [],
      closesAt: null,
    },
    { sent: true },
  );
  const surveyId = String(survey._id);
  for (let k = 0; k < Math.max(8, answers); k++) {
    const invitation = await buildInvitation(
      t,
      { surveyId, memberId: `m${k}`, name: `Member ${k}`, profile: {} },
      'sent',
    );
    if (k < answers) {
      await buildResponse(t, invitation, { held: k % 2 ? ['i1', 'i3'] : ['i1', 'i2'], profile: {} });
    }
  }
  await t.app.get(RankingComputer).compute(surveyId, 'demand');
  if (publish) {
    await staff.agent
      .post(`/admin/reports/${surveyId}/publish`)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
  }
  return surveyId;
}
