import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { csrfFrom } from '../support/forms';
import { deliverAndRead, linkIn, mailTo } from '../support/mailbox';
import { signInAs } from '../support/sessions';
import { TestRelay } from '../support/smtp-relay';
import { buildAudience, buildSurvey, runQueue, surveyLinkIn } from '../distribution/distribution-fixtures';

/**
 * A link's token is stored only as its hash; the mail that carries the link must not leave it behind
 * either (in its queued job, or the job's history once sent). After each kind of link has been mailed
 * and sent, every document of every collection is searched for the raw secrets it carried.
 */
describe('Secrets in sent mail (real FerretDB and SMTP sink)', () => {
  let t: TestApp;
  const secrets: Array<{ kind: string; value: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** `collection: kind` for every document holding one of the secrets. */
  async function wherever(app = t): Promise<string[]> {
    const found: string[] = [];
    for (const { name } of await app.connection.db!.listCollections().toArray()) {
      for await (const document of app.connection.collection(name).find({})) {
        const text = JSON.stringify(document);
        for (const secret of secrets.filter(({ value }) => text.includes(value))) {
          found.push(`${name}: ${secret.kind}`);
        }
      }
    }
    return found;
  }

  it('leaves no sign-in link or code in the database once its mail is sent', async () => {
    const member = await buildMember(t, { role: 'member' });
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent
      .post('/sign-in/email')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), email: member.email, returnTo: '' })
      .expect(303);
    const mail = await deliverAndRead(t, member.email, /sign-in link/);
    const link = linkIn(mail, 'http://127.0.0.1/sign-in/email/');
    const code = /\b(\d{3} \d{3})\b/.exec(mail.text)?.[1];
    expect(code).toBeDefined();
    secrets.push(
      { kind: 'sign-in token', value: link.split('/').pop()! },
      { kind: 'sign-in code', value: code! },
      { kind: 'sign-in code', value: code!.replace(' ', '') },
    );
    expect(await wherever()).toEqual([]);
  });

  it('leaves no survey link or unsubscribe link in the database once the invitations are sent', async () => {
    const label = `secret${Date.now().toString(36)}`;
    const emails = await buildAudience(t, 3, label);
    const surveyId = await buildSurvey(t, `Secrets ${label}`);
    const staff = await signInAs(t, { role: 'staff' });
    await staff.agent.post(`/admin/surveys/${surveyId}/send`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    await runQueue(t);
    for (const email of emails) {
      const [mail] = await mailTo(email);
      secrets.push(
        { kind: 'survey link token', value: surveyLinkIn(mail.text) },
        { kind: 'unsubscribe token', value: /\/unsubscribe\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1] },
      );
    }
    expect(secrets.filter((secret) => secret.kind !== 'sign-in code')).toHaveLength(1 + 2 * emails.length);
    expect(await wherever()).toEqual([]);
  });

  it('leaves no sign-in link behind when its mail fails for good (the relay refuses the address)', async () => {
    const relay = await TestRelay.start({ refuse: (address) => address.startsWith('refused.') });
    const refusing = await createTestApp({ env: { SMTP_URL: relay.smtpUrl } });
    try {
      const member = await buildMember(refusing, { role: 'member', email: `refused.${Date.now()}@example.test` });
      const agent = request.agent(refusing.app.getHttpServer());
      const form = await agent.get('/sign-in').expect(200);
      await agent
        .post('/sign-in/email')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), email: member.email, returnTo: '' })
        .expect(303);
      // While the mail waits to be sent, its job holds the link (it has to, to send it).
      const queued = await refusing.connection
        .collection('jobs')
        .findOne({ type: 'mail.send', 'payload.to': member.email });
      const token = /\/sign-in\/email\/([A-Za-z0-9_-]{43})/.exec(String(queued?.payload?.text))?.[1];
      expect(token).toBeDefined();
      await runQueue(refusing);
      const [failed] = await refusing.connection.collection('job_history').find({ jobId: queued!._id }).toArray();
      expect(failed).toMatchObject({ status: 'failed', payload: { to: member.email } });
      secrets.length = 0;
      secrets.push({ kind: 'sign-in token of a failed mail', value: token! });
      expect(await wherever(refusing)).toEqual([]);
    } finally {
      await refusing.close();
      await relay.stop();
    }
  });
});
