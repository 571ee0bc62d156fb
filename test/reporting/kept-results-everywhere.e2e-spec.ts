import request from 'supertest';
import { keptPages } from '@roundtable/core';
import { SkewRoundRepository } from '@roundtable/distribution';
import { RankingComputer, ReportingWorkerModule } from '@roundtable/reporting';
import { InvitationRepository, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';

/** A sent survey asking revenue, 10 invited and 8 answers (6 of them >$1B, so the page shows a skew), computed. */
async function computedSurvey(t: TestApp): Promise<string> {
  const surveys = t.app.get(SurveyRepository);
  const survey = await surveys.create({
    title: 'Kept results',
    intro: '',
    items: ['Tactics', 'Experience', 'Strategy'].map((label, f) => ({ key: `k${f}`, label })),
    profileQuestions: ['revenueBand'],
    audience: { tiers: [], filters: {} },
    opensAt: null,
    closesAt: null,
    reminders: [],
  });
  const surveyId = String(survey._id);
  await surveys.markSent(surveyId);
  for (let k = 0; k < 10; k++) {
    const profile = { revenueBand: k < 6 ? '>$1B' : '<$100M' };
    await t.app
      .get(InvitationRepository)
      .insertOnce(
        { surveyId, memberId: `m${k}`, email: `m${k}@example.test`, name: `Member ${k}`, profile, tier: 'council' },
        'sent',
      );
    if (k < 8) {
      const held = k % 2 ? ['k0', 'k2'] : ['k0', 'k1'];
      await t.app.get(ResponseRepository).complete(`${surveyId}:m${k}`, surveyId, { held, profile }, null);
    }
  }
  await t.app.get(RankingComputer).compute(surveyId, 'demand');
  return surveyId;
}

/**
 * Each API process keeps what staff's results page reads besides the snapshot (the survey, its result
 * state, its skew rounds) under their shared versions. Two API processes on one database, as behind a
 * load balancer: a kept page costs no read of those records, and a new result, a publication, a
 * recorded round or a closed survey written through the other process shows on the very next view.
 */
describe('The console results page kept per process, current in every process', () => {
  let t: TestApp;
  let other: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    other = await createTestApp({
      imports: [ReportingWorkerModule],
      env: { MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}` },
    });
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
  });

  const view = (surveyId: string) =>
    request(t.app.getHttpServer()).get(`/admin/reports/${surveyId}`).set('Cookie', staff.cookie).expect(200);

  it('gives two staff members one kept rendering, each with their own CSRF token, and an admin their own', async () => {
    const surveyId = await computedSurvey(t);
    const colleague = await signInAs(t, { role: 'staff' });
    const admin = await signInAs(t, { role: 'admin' });
    const page = (who: SignedIn) =>
      request(t.app.getHttpServer()).get(`/admin/reports/${surveyId}`).set('Cookie', who.cookie).expect(200);
    await page(staff);
    const keptBefore = keptPages.size;
    const [mine, theirs] = [(await page(staff)).text, (await page(colleague)).text];
    expect(keptPages.size).toBe(keptBefore);
    const tokens = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(tokens(mine))).toEqual(new Set([staff.csrfToken]));
    expect(new Set(tokens(theirs))).toEqual(new Set([colleague.csrfToken]));
    expect(theirs).toBe(mine.replaceAll(staff.csrfToken, colleague.csrfToken));
    // An admin's navigation differs from staff's, so theirs is a rendering of its own.
    const admins = (await page(admin)).text;
    expect(keptPages.size).toBe(keptBefore + 1);
    expect(new Set(tokens(admins))).toEqual(new Set([admin.csrfToken]));
  });

  it('reads the survey once while nothing changed, and shows what another process wrote on the next view', async () => {
    const surveyId = await computedSurvey(t);
    const first = await view(surveyId);
    expect(first.text).toContain('Snapshot 1');
    expect(first.text).toContain('Publish to members…');

    const surveyReads = jest.spyOn(t.app.get(SurveyRepository), 'findById');
    await view(surveyId);
    expect(surveyReads).not.toHaveBeenCalled();

    await request(other.app.getHttpServer())
      .post(`/admin/reports/${surveyId}/publish`)
      .set('Cookie', staff.cookie)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const published = await view(surveyId);
    expect(published.text).toContain('Published (publish again…)');
    // Inside the snapshot's section, whose HTML the first views kept: rendered again for the publication.
    expect(published.text).toContain('Published version: 1.');

    // Closed, so the next computation writes a new version (the final one) from the same answers.
    await other.app.get(SurveyRepository).close(surveyId);
    await other.app.get(RankingComputer).compute(surveyId, 'demand');
    const recomputed = await view(surveyId);
    expect(recomputed.text).toContain('Snapshot 2 (final)');
    expect(recomputed.text).toContain('Published version: 1.');

    await other.app.get(SkewRoundRepository).insertOnce({
      surveyId,
      round: 1,
      dimension: 'revenueBand',
      values: ['>$1B'],
      thresholdPp: 10,
      emails: 3,
    });
    const later = await view(surveyId);
    expect(later.text).toContain('Round 1');
    expect(later.text).toContain('revenueBand: &gt;$1B');
    await view(surveyId);
    // Read again once after each of the three changes, never for a view that followed no change.
    expect(surveyReads).toHaveBeenCalledTimes(3);

    await request(other.app.getHttpServer())
      .post(`/admin/reports/${surveyId}/unpublish`)
      .set('Cookie', staff.cookie)
      .type('form')
      .send({ _csrf: staff.csrfToken, confirm: 'yes' })
      .expect(303);
    const unpublished = await view(surveyId);
    expect(unpublished.text).toContain('Publish to members…');
    expect(unpublished.text).not.toContain('Published version');
    expect(unpublished.text).toContain('Round 1');
    surveyReads.mockRestore();
  });
});
