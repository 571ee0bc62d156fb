import { MemberRepository } from '@roundtable/members';
import {
  DEFAULT_ACCOUNTABILITIES,
  InvitationRepository,
  ResponseRepository,
  SurveyRepository,
} from '@roundtable/surveys';
import { RankingComputer } from '../compute/ranking-computer.service';
import { publishedSummary } from '../snapshots/published-summary';
import { SnapshotRepository } from '../snapshots/snapshot.repository';
import { demoCouncil } from './demo-council';

export const DEMO_SURVEY_TITLE = 'The accountabilities of the CCO (demo)';
const DAY = 24 * 60 * 60 * 1000;

/** What seeding the demo research needs (taken from the worker app's container). */
export interface DemoResearchDeps {
  surveys: SurveyRepository;
  invitations: InvitationRepository;
  responses: ResponseRepository;
  members: MemberRepository;
  computer: RankingComputer;
  snapshots: SnapshotRepository;
}

/**
 * Seeds the council's closed accountabilities survey (demoCouncil: 450 invited, 270 answers), computes
 * its result like the worker does, and publishes it. The demo members Jordan Lee and Priya Shah are
 * two of the respondents, so their portal shows their answers against their peers'. Does nothing
 * when the demo survey exists. Returns the number of responses written.
 */
export async function seedDemoResearch(deps: DemoResearchDeps, now = new Date()): Promise<number> {
  const existing = await deps.surveys.listNewestFirst(50);
  if (existing.some((survey) => survey.title === DEMO_SURVEY_TITLE)) {
    return 0;
  }
  const opensAt = new Date(now.getTime() - 40 * DAY);
  const closesAt = new Date(now.getTime() - 10 * DAY);
  const survey = await deps.surveys.create({
    title: DEMO_SURVEY_TITLE,
    intro: 'Which of these functions are yours today, and how does your organisation rank the ones you hold?',
    items: DEFAULT_ACCOUNTABILITIES.map((label, index) => ({ key: `i${index + 1}`, label })),
    profileQuestions: ['revenueBand', 'businessModel', 'industry', 'ccoModel'],
    audience: { tiers: [], filters: {} },
    opensAt,
    closesAt,
    reminders: [new Date(opensAt.getTime() + 7 * DAY), new Date(opensAt.getTime() + 14 * DAY)],
  });
  const surveyId = String(survey._id);
  await deps.surveys.markSent(surveyId, opensAt, 'open');
  const realMembers = [];
  for (const email of ['jordan.lee@roundtable.local', 'priya.shah@roundtable.local']) {
    const member = await deps.members.findByEmail(email);
    if (member) {
      realMembers.push(member);
    }
  }
  let written = 0;
  for (const demo of demoCouncil()) {
    const real = demo.held && written < realMembers.length ? realMembers[written] : null;
    const memberId = real ? String(real._id) : `demo-${demo.key}`;
    await deps.invitations.insertOnce(
      {
        surveyId,
        memberId,
        email: real?.email ?? `${demo.key}@council.demo`,
        name: real?.name ?? `Council member ${demo.key}`,
        profile: demo.profile,
        tier: demo.tier,
      },
      'sent',
    );
    if (demo.held) {
      const answeredAt = new Date(opensAt.getTime() + (demo.answeredOnDay ?? 0) * DAY + 9 * 60 * 60 * 1000);
      await deps.responses.complete(
        `${surveyId}:${memberId}`,
        surveyId,
        { held: demo.held.map((f) => `i${f + 1}`), profile: demo.profile },
        answeredAt,
        answeredAt,
      );
      written++;
    }
  }
  await deps.surveys.close(surveyId, closesAt);
  await deps.computer.compute(surveyId, 'seed', now);
  const snapshot = await deps.snapshots.findLatest(surveyId);
  if (snapshot) {
    await deps.snapshots.publish(
      surveyId,
      snapshot.version,
      publishedSummary(surveyId, DEMO_SURVEY_TITLE, snapshot.result),
      closesAt,
    );
  }
  return written;
}
