import { Distributor, SEND_BATCH_JOB } from '@roundtable/distribution';
import { type BatchRecipient, JobQueue, type SendBatchPayload } from '@roundtable/jobs';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildAudience, buildSurvey, runQueue, sinkMail, surveyLinkIn } from './distribution-fixtures';

/**
 * Send batches are stored jobs: one queued before a deploy is run by the worker after it. Batches are
 * written with their recipients in words, stored beside the job; a batch queued by an older release,
 * its recipients in the payload in the one-letter shape, is still sent.
 */
describe('A send batch queued in the one-letter shape (real FerretDB and SMTP sink)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('queues recipients in words, and still sends a batch whose recipients are lettered', async () => {
    const label = `lettered${Date.now().toString(36)}`;
    const emails = await buildAudience(t, 2, label);
    const surveyId = await buildSurvey(t, `Lettered ${label}`);
    await t.app.get(Distributor).distribute(surveyId, {
      progress: null,
      checkpoint: () => Promise.resolve(true),
      extendLease: () => Promise.resolve(true),
    });
    const jobs = t.connection.collection('jobs');
    const [queued] = await jobs.find({ type: SEND_BATCH_JOB, 'payload.surveyId': surveyId }).toArray();
    const list = await t.connection
      .collection<{ _id: string; recipients: BatchRecipient[] }>('send_batch_recipients')
      .findOne({ _id: (queued.payload as SendBatchPayload).recipientsId! });
    const recipients = list!.recipients;
    expect(recipients.map((recipient) => Object.keys(recipient).sort())).toEqual([
      ['email', 'invitationId', 'name', 'segments'],
      ['email', 'invitationId', 'name', 'segments'],
    ]);

    await jobs.deleteMany({ type: SEND_BATCH_JOB, 'payload.surveyId': surveyId });
    const lettered = recipients.map((recipient) =>
      'invitationId' in recipient ? { i: recipient.invitationId, e: recipient.email, n: recipient.name } : recipient,
    );
    await t.app.get(JobQueue).enqueue(SEND_BATCH_JOB, { surveyId, kind: 'invite', recipients: lettered });
    await runQueue(t);

    const mails = await sinkMail(label);
    expect(mails.map((mail) => mail.envelopeTo[0]).sort()).toEqual([...emails].sort());
    for (const mail of mails) {
      expect(surveyLinkIn(mail.text)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(mail.text).toMatch(/Dear Member \d,/);
    }
    // An invitation's delivery record is what says it was sent.
    const deliveries = await t.connection.collection('survey_deliveries').find({ surveyId }).toArray();
    expect(deliveries.map((delivery) => [delivery._id, delivery.outcome]).sort()).toEqual(
      recipients
        .map((recipient) => ['invitationId' in recipient ? `${recipient.invitationId}:invite` : '', 'sent'])
        .sort(),
    );
  });
});
