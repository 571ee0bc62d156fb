import request from 'supertest';
import { MemberRepository, seedDemoMembers } from '@roundtable/members';
import {
  DEMO_SURVEY_TITLE,
  RankingComputer,
  ReportingWorkerModule,
  seedDemoResearch,
  SnapshotRepository,
} from '@roundtable/reporting';
import {
  DEFAULT_ACCOUNTABILITIES,
  InvitationRepository,
  ResponseRepository,
  SurveyRepository,
} from '@roundtable/surveys';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { sessionFor, signInAs } from '../support/sessions';

/** The published demo report as members see it: the report, their own answers, the home page block. */
const COUNCIL = {
  tier: 'council',
  state: 'active',
  entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
};
const EXECUTIVE = { ...COUNCIL, tier: 'executive', entitlements: [...COUNCIL.entitlements, 'peer_benchmark'] };
jest.setTimeout(120_000);

describe('Published research', () => {
  let t: TestApp;
  let surveyId: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    await seedDemoMembers(t.app.get(MemberRepository));
    await seedDemoResearch({
      surveys: t.app.get(SurveyRepository),
      invitations: t.app.get(InvitationRepository),
      responses: t.app.get(ResponseRepository),
      members: t.app.get(MemberRepository),
      computer: t.app.get(RankingComputer),
      snapshots: t.app.get(SnapshotRepository),
    });
    surveyId = String(
      (await t.app.get(SurveyRepository).listNewestFirst(5)).find((s) => s.title === DEMO_SURVEY_TITLE)?._id,
    );
  });
  afterAll(() => t.close());

  it('shows members the report with the seven in order, and visitors are asked to sign in', async () => {
    const member = await signInAs(t, { membership: EXECUTIVE });
    const list = await member.agent.get('/reports').expect(200);
    expect(list.text).toContain(DEMO_SURVEY_TITLE);
    const page = await member.agent.get(`/reports/${surveyId}`).expect(200);
    const rows = [...page.text.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(rows.slice(0, 7)).toEqual(DEFAULT_ACCOUNTABILITIES.slice(0, 7));
    expect(page.text).toContain('skewed toward &gt;$1B (Revenue)');
    expect(page.text).not.toContain('See your answers');
    const mine = await member.agent.get(`/reports/${surveyId}/mine`).expect(200);
    expect(mine.text).toContain('You did not complete this survey');
    await request(t.app.getHttpServer()).get(`/reports/${surveyId}`).expect(401);
  });

  it('shows a respondent their own holdings and ranks beside their peers’', async () => {
    const jordan = (await t.app.get(MemberRepository).findByEmail('jordan.lee@roundtable.local'))!;
    await t.app.get(MemberRepository).setMembership(String(jordan._id), EXECUTIVE);
    const signedIn = await sessionFor(t, jordan);
    const response = await t.app.get(ResponseRepository).findById(`${surveyId}:${String(jordan._id)}`);
    expect(response?.status).toBe('completed');
    const page = await signedIn.agent.get(`/reports/${surveyId}`).expect(200);
    expect(page.text).toContain(`/reports/${surveyId}/mine`);
    const mine = await signedIn.agent.get(`/reports/${surveyId}/mine`).expect(200);
    expect(mine.text).toContain(`You hold ${response!.held.length} of these accountabilities`);

    // A Council Member who answered is told the benchmark goes with a higher tier, not sent to a refusal.
    await t.app.get(MemberRepository).setMembership(String(jordan._id), COUNCIL);
    const council = await signedIn.agent.get(`/reports/${surveyId}`).expect(200);
    expect(council.text).not.toContain(`/reports/${surveyId}/mine`);
    expect(council.text).toMatch(
      /Executive Circle members see their answers against their peers’\.\s*<a href="\/membership">See the tiers<\/a>/,
    );
    await signedIn.agent.get(`/reports/${surveyId}/mine`).set('Accept', 'text/html').expect(403);
    const first = DEFAULT_ACCOUNTABILITIES[Number(response!.held[0].slice(1)) - 1];
    expect(mine.text).toMatch(new RegExp(`${first.replace(/[()]/g, '.')}</th><td class="num">1</td>`));
  });

  it('fills the home page’s Latest research block, and an unpublished report is not found', async () => {
    const home = await request(t.app.getHttpServer()).get('/').expect(200);
    expect(home.text).toContain('Latest research');
    expect(home.text).toContain(DEMO_SURVEY_TITLE);
    // Visitors read the headline; the figures go with the tiers that include the reports.
    expect(home.text).toContain('The 7 most common:');
    expect(home.text).not.toContain('60% response rate');
    const member = await signInAs(t, { membership: COUNCIL });
    expect((await member.agent.get('/').expect(200)).text).toContain('60% response rate');
    await t.app.get(SnapshotRepository).unpublish(surveyId);
    await member.agent.get(`/reports/${surveyId}`).expect(404);
  });
});
