import { ShardedCounters } from '@roundtable/counters';
import { counterGroup, Distributor } from '@roundtable/distribution';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildAudience, buildSurvey } from './distribution-fixtures';

/**
 * The distribution job writes a page's invitations in one unordered insert and counts only those the
 * insert created. A run that stops after its first page (its lease taken over) and a second run that
 * reads the audience again from the start (no checkpoint) must leave one invitation per member, one
 * send batch per page and `invited` equal to the audience: the duplicates of the re-read page are
 * skipped by the database's unique `_id`, on FerretDB as on MongoDB.
 */
describe('Distribution pages read twice (real FerretDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('writes each invitation and queues each batch once, and counts each member once', async () => {
    await buildAudience(t, 25, 'rerun');
    const surveyId = await buildSurvey(t, 'Rerun survey');
    const distributor = t.app.get(Distributor);
    distributor.batchSize = 10;
    const invitations = t.connection.collection('survey_invitations');
    const batches = () => t.connection.collection('jobs').find({ type: 'survey.send-batch' }).toArray();

    // First run: the checkpoint after the first page says the job was taken over, so it stops there.
    await distributor.distribute(surveyId, { progress: null, checkpoint: () => Promise.resolve(false) });
    expect(await invitations.countDocuments({ surveyId })).toBe(10);
    expect(await batches()).toHaveLength(1);

    // Second run from the start: the first page again (all ten already there), then the rest.
    const checkpoints: unknown[] = [];
    await distributor.distribute(surveyId, {
      progress: null,
      checkpoint: (progress) => {
        checkpoints.push(progress);
        return Promise.resolve(true);
      },
    });
    expect(await invitations.countDocuments({ surveyId })).toBe(25);
    const queued = await batches();
    expect(
      queued.map((job) => (job.payload as { recipients: unknown[] }).recipients.length).sort((a, b) => a - b),
    ).toEqual([5, 10, 10]);
    expect(new Set(queued.map((job) => job._id)).size).toBe(3);
    expect(checkpoints.at(-1)).toEqual({ state: 3, after: null });
    const figures = await t.app.get(ShardedCounters).read(counterGroup(surveyId));
    expect(figures.invited).toBe(25);
  });
});
