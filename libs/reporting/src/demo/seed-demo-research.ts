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
import { demoCouncil, SECOND_WAVE_PATTERN, SECOND_WAVE_SEED, type DemoCouncilMember } from './demo-council';

export const DEMO_SURVEY_TITLE = 'The accountabilities of the CCO (demo)';
export const DEMO_WAVE_TITLE = 'The accountabilities of the CCO, second wave (demo)';
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
  const written = await writeCouncilAnswers(deps, surveyId, demoCouncil(), opensAt);
  await closeComputeAndPublish(deps, surveyId, DEMO_SURVEY_TITLE, closesAt, now);
  return written;
}

/**
 * Seeds the demo survey's second wave (after seedDemoResearch): the same items and council, answered
 * a year on with one item clearly risen and one clearly fallen (SECOND_WAVE_PATTERN), closed,
 * computed with its trends and published, so the console's Trends tab and the members' report show
 * the comparison. Jordan Lee and Priya Shah answer both waves. Does nothing when the wave exists.
 */
export async function seedDemoSecondWave(deps: DemoResearchDeps, now = new Date()): Promise<number> {
  const existing = await deps.surveys.listNewestFirst(50);
  const first = existing.find((survey) => survey.title === DEMO_SURVEY_TITLE);
  if (!first || existing.some((survey) => survey.title === DEMO_WAVE_TITLE)) {
    return 0;
  }
  const opensAt = new Date(now.getTime() - 8 * DAY);
  const closesAt = new Date(now.getTime() - DAY);
  const wave = await deps.surveys.create({
    title: DEMO_WAVE_TITLE,
    intro: first.intro,
    items: first.items.map(({ key, label }) => ({ key, label })),
    profileQuestions: [...first.profileQuestions],
    audience: first.audience,
    opensAt,
    closesAt,
    reminders: [new Date(opensAt.getTime() + 3 * DAY)],
    waveOf: first._id,
    earlierItemKeys: first.items.map((item) => item.key),
  });
  const surveyId = String(wave._id);
  const council = demoCouncil(SECOND_WAVE_SEED, first.items.length, SECOND_WAVE_PATTERN);
  const written = await writeCouncilAnswers(deps, surveyId, council, opensAt);
  await closeComputeAndPublish(deps, surveyId, DEMO_WAVE_TITLE, closesAt, now);
  return written;
}

/** Closes a demo survey at `closesAt`, computes its result as the worker does and publishes it. */
async function closeComputeAndPublish(
  deps: DemoResearchDeps,
  surveyId: string,
  title: string,
  closesAt: Date,
  now: Date,
): Promise<void> {
  await deps.surveys.close(surveyId, closesAt);
  await deps.computer.compute(surveyId, 'seed', now);
  const snapshot = await deps.snapshots.findLatest(surveyId);
  if (snapshot) {
    await deps.snapshots.publish(
      surveyId,
      snapshot.version,
      publishedSummary(surveyId, title, snapshot.result),
      closesAt,
    );
  }
}

/**
 * Writes one wave's invitations and completed responses for the demo council. The demo members
 * Jordan Lee and Priya Shah take the places of the first two respondents, so their portal shows their
 * own answers. Returns the number of responses written.
 */
async function writeCouncilAnswers(
  deps: DemoResearchDeps,
  surveyId: string,
  council: DemoCouncilMember[],
  opensAt: Date,
): Promise<number> {
  await deps.surveys.markSent(surveyId, opensAt, 'open');
  const realMembers = [];
  for (const email of ['jordan.lee@roundtable.local', 'priya.shah@roundtable.local']) {
    const member = await deps.members.findByEmail(email);
    if (member) {
      realMembers.push(member);
    }
  }
  let written = 0;
  for (const demo of council) {
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
  return written;
}
