import { RankingComputer } from '@roundtable/reporting';
import { InvitationRepository, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import type { TestApp } from '../support/create-test-app';
import type { SignedIn } from '../support/sessions';

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
  const surveys = t.app.get(SurveyRepository);
  const survey = await surveys.create({
    title,
    intro: '',
    items: REPORT_ITEMS.map((label, f) => ({ key: `i${f + 1}`, label })),
    profileQuestions: [],
    audience: { tiers: [], filters: {} },
    opensAt: null,
    closesAt: null,
    reminders: [],
  });
  const surveyId = String(survey._id);
  await surveys.markSent(surveyId);
  for (let k = 0; k < Math.max(8, answers); k++) {
    await t.app
      .get(InvitationRepository)
      .insertOnce(
        { surveyId, memberId: `m${k}`, email: `m${k}@example.test`, name: `Member ${k}`, profile: {}, tier: 'council' },
        'sent',
      );
    if (k < answers) {
      const held = k % 2 ? ['i1', 'i3'] : ['i1', 'i2'];
      await t.app.get(ResponseRepository).complete(`${surveyId}:m${k}`, surveyId, { held, profile: {} }, null);
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
