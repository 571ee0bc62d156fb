import { MemberRepository, seedDemoMembers } from '@roundtable/members';
import {
  DEMO_SURVEY_TITLE,
  DEMO_WAVE_TITLE,
  RankingComputer,
  seedDemoResearch,
  seedDemoSecondWave,
  SnapshotRepository,
} from '@roundtable/reporting';
import { InvitationRepository, ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import type { TestApp } from './create-test-app';

export interface DemoCouncil {
  surveyId: string;
  waveId: string | null;
  responses: number;
  secondWaveResponses: number | null;
}

/**
 * The demo council and its research as `npm start` seeds them: the demo members, the demo survey
 * with its responses and ranking, and (with `secondWave`) the survey's second wave. The app must
 * import ReportingWorkerModule (the ranking is computed here). Returns the surveys' ids and how many
 * responses each got (null for a wave not asked for).
 */
export async function seedDemoCouncil(t: TestApp, options: { secondWave?: boolean } = {}): Promise<DemoCouncil> {
  const members = t.app.get(MemberRepository);
  await seedDemoMembers(members);
  const deps = {
    surveys: t.app.get(SurveyRepository),
    invitations: t.app.get(InvitationRepository),
    responses: t.app.get(ResponseRepository),
    members,
    computer: t.app.get(RankingComputer),
    snapshots: t.app.get(SnapshotRepository),
  };
  const responses = await seedDemoResearch(deps);
  const secondWaveResponses = options.secondWave ? await seedDemoSecondWave(deps) : null;
  const surveys = await deps.surveys.listNewestFirst(10);
  const idOf = (title: string) => surveys.find((survey) => survey.title === title)?._id;
  const waveId = idOf(DEMO_WAVE_TITLE);
  return {
    surveyId: String(idOf(DEMO_SURVEY_TITLE)),
    waveId: waveId ? String(waveId) : null,
    responses,
    secondWaveResponses,
  };
}
