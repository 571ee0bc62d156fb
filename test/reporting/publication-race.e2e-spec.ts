import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ReportingWorkerModule, SnapshotRepository } from '@roundtable/reporting';
import { createTestApp, type TestApp } from '../support/create-test-app';

/**
 * A publication and a computation finishing at the same moment. Both used to write the survey's one
 * state document, and FerretDB writes a document back whole on every update, so one of the two was
 * lost: staff saw "Published to members." and members saw no report, or the console kept an old
 * latest version. The publication now lives in its own document (ranking_publications).
 */
type NewSnapshot = Parameters<SnapshotRepository['insertNext']>[0];
const snapshot = (surveyId: string, minute: number): NewSnapshot =>
  ({
    surveyId,
    computedAt: new Date(Date.UTC(2026, 11, 3, 12, minute)),
    trigger: 'completions',
    final: false,
    fingerprint: `fingerprint-${minute}`,
    result: {},
    counts: { invited: 10, bounced: 0, partial: 0 },
  }) as unknown as NewSnapshot;
const summary = (surveyId: string) => ({
  surveyId,
  title: 'Accountabilities',
  respondents: 12,
  responseRate: 0.6,
  top: [],
  skews: [],
});

describe('Publishing while a result is computed', () => {
  let t: TestApp;
  let snapshots: SnapshotRepository;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ReportingWorkerModule] });
    snapshots = t.app.get(SnapshotRepository);
  });
  afterAll(() => t.close());

  it('keeps both the publication and the new latest version, survey after survey', async () => {
    for (let n = 0; n < 6; n++) {
      const surveyId = `survey-${n}`;
      await snapshots.insertNext(snapshot(surveyId, 0));
      await Promise.all([
        snapshots.publish(surveyId, 1, summary(surveyId)),
        snapshots.insertNext(snapshot(surveyId, 1)),
      ]);
      const state = await snapshots.findState(surveyId);
      expect({ surveyId, latest: state?.latestVersion, published: state?.publishedVersion }).toEqual({
        surveyId,
        latest: 2,
        published: 1,
      });
    }
  });

  it('withdraws a publication while a result is computed, and lists only what is published', async () => {
    await snapshots.insertNext(snapshot('withdrawn', 0));
    await snapshots.publish('withdrawn', 1, summary('withdrawn'));
    await Promise.all([snapshots.unpublish('withdrawn'), snapshots.insertNext(snapshot('withdrawn', 1))]);
    const state = await snapshots.findState('withdrawn');
    expect(state).toMatchObject({ latestVersion: 2, publishedVersion: null, publishedSummary: null });
    expect((await snapshots.listPublished(50)).map((publication) => publication._id)).not.toContain('withdrawn');
  });

  it('moves a publication kept in the state document before into its own at start-up', async () => {
    const states = t.app.get<Model<{ _id: string; latestVersion: number; publishedVersion: number }>>(
      getModelToken('RankingComputedState'),
    );
    await states.create({ _id: 'older', latestVersion: 3, publishedVersion: 2 });
    await snapshots.onModuleInit();
    expect(await snapshots.findState('older')).toMatchObject({ latestVersion: 3, publishedVersion: 2 });
    // A later withdrawal stands: the move does not bring the old publication back.
    await snapshots.unpublish('older');
    await snapshots.onModuleInit();
    expect((await snapshots.findState('older'))?.publishedVersion).toBeNull();
  });
});
