import { hashToken, newToken } from '@roundtable/core';
import {
  DEFAULT_ACCOUNTABILITIES,
  InvitationRepository,
  invitationId,
  LinkRepository,
  MilestoneRepository,
  ResponseRepository,
  SurveyRepository,
} from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';

/** The survey data contract on the real database (FerretDB in the suite): the unique inserts decide. */
describe('Survey repositories', () => {
  let t: TestApp;
  let surveys: SurveyRepository;
  let surveyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    surveys = t.app.get(SurveyRepository);
    const survey = await surveys.create({
      title: 'Accountabilities 2026',
      intro: '',
      items: DEFAULT_ACCOUNTABILITIES.map((label, index) => ({ key: `i${index + 1}`, label })),
      profileQuestions: ['revenueBand'],
      audience: { tiers: [], filters: {} },
      opensAt: null,
      closesAt: null,
      reminders: [],
    });
    surveyId = String(survey._id);
  });
  afterAll(() => t.close());

  it('writes exactly one invitation per member per survey, even when inserts race', async () => {
    const invitations = t.app.get(InvitationRepository);
    const fields = { surveyId, memberId: 'm1', email: 'M1@Example.test', name: 'M One', profile: {}, tier: 'gold' };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => invitations.insertOnce(fields)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await invitations.findForMember(surveyId, 'm1');
    expect(stored).toMatchObject({ _id: `${surveyId}:m1`, email: 'm1@example.test', status: 'queued' });
  });

  it('finds a link by its token hash only while it is not revoked', async () => {
    const links = t.app.get(LinkRepository);
    const first = newToken();
    const second = newToken();
    await links.insert(first.hash, invitationId(surveyId, 'm1'), surveyId);
    await links.insert(second.hash, invitationId(surveyId, 'm1'), surveyId);
    await links.revokeOthers(invitationId(surveyId, 'm1'), second.hash);
    expect(await links.findActiveByHash(hashToken(first.token))).toBeNull();
    expect(await links.findByHash(hashToken(first.token))).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await links.findActiveByHash(hashToken(second.token))).toMatchObject({ surveyId });
  });

  it('counts a milestone once per invitation when two requests reach it together', async () => {
    const milestones = t.app.get(MilestoneRepository);
    const id = invitationId(surveyId, 'm1');
    const results = await Promise.all([1, 2, 3, 4].map(() => milestones.reach(id, surveyId, 'opened')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await milestones.has(id, 'opened')).toBe(true);
    expect(await milestones.has(id, 'completed')).toBe(false);
  });

  it('records several milestones in one insert, each first for exactly one of the requests that race', async () => {
    const milestones = t.app.get(MilestoneRepository);
    const id = invitationId(surveyId, 'm2');
    expect(await milestones.reach(id, surveyId, 'started')).toBe(true);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => milestones.reachAll(id, surveyId, ['started', 'completed'])),
    );
    expect(results.flat()).toEqual(['completed']);
    expect(await milestones.has(id, 'completed')).toBe(true);
    expect(await milestones.reachAll(id, surveyId, ['started', 'completed'])).toEqual([]);
    const fresh = invitationId(surveyId, 'm3');
    expect(await milestones.reachAll(fresh, surveyId, ['started', 'completed'])).toEqual(['started', 'completed']);
  });

  it('shares one insert among concurrent submissions, each told about its own milestones only', async () => {
    const milestones = t.app.get(MilestoneRepository);
    const ids = [1, 2, 3, 4, 5].map((n) => invitationId(surveyId, `group-${n}`));
    await milestones.reach(ids[0], surveyId, 'started');
    const inserts = jest.spyOn(t.connection.collection('survey_milestones'), 'insertMany');
    const results = await Promise.all(ids.map((id) => milestones.reachAll(id, surveyId, ['started', 'completed'])));
    expect(results).toEqual([['completed'], ...ids.slice(1).map(() => ['started', 'completed'])]);
    expect(inserts).toHaveBeenCalledTimes(1);
    inserts.mockRestore();
  });

  it('saves partial answers, completes, and never turns a completed response back into a partial one', async () => {
    const responses = t.app.get(ResponseRepository);
    const id = invitationId(surveyId, 'm2');
    expect(await responses.savePartial(id, surveyId, { held: ['i3'], profile: {} })).toBe('saved');
    expect(await responses.savePartial(id, surveyId, { held: ['i3', 'i1'], profile: {} })).toBe('saved');
    expect(await responses.findById(id)).toMatchObject({ status: 'partial', held: ['i3', 'i1'], surveyId });
    await responses.complete(id, surveyId, { held: ['i1', 'i3'], profile: { revenueBand: '>$1B' } }, null);
    expect(await responses.savePartial(id, surveyId, { held: [], profile: {} })).toBe('already-completed');
    const stored = await responses.findById(id);
    expect(stored).toMatchObject({ status: 'completed', held: ['i1', 'i3'], profile: { revenueBand: '>$1B' } });
    expect(stored?.completedAt).toBeInstanceOf(Date);
  });

  it('keeps one whole response when two first submits race', async () => {
    const responses = t.app.get(ResponseRepository);
    const id = invitationId(surveyId, 'm3');
    await Promise.all([
      responses.complete(id, surveyId, { held: ['i1', 'i2'], profile: {} }, null),
      responses.complete(id, surveyId, { held: ['i2', 'i1'], profile: {} }, null),
    ]);
    const stored = await responses.findById(id);
    expect(stored?.status).toBe('completed');
    expect([
      ['i1', 'i2'],
      ['i2', 'i1'],
    ]).toContainEqual(stored?.held);
  });

  it('locks the definition once the survey was sent', async () => {
    const survey = (await surveys.findById(surveyId))!;
    const fields = { ...survey, title: 'Renamed' };
    expect(await surveys.updateDraft(surveyId, fields)).toBe(true);
    await surveys.markSent(surveyId);
    expect(await surveys.updateDraft(surveyId, { ...fields, title: 'Too late' })).toBe(false);
    expect(await surveys.findById(surveyId)).toMatchObject({ title: 'Renamed', status: 'open' });
    expect((await surveys.listOpen()).map((open) => String(open._id))).toEqual([surveyId]);
  });
});
