import request from 'supertest';
import { JobRepository, JobRunner } from '@roundtable/jobs';
import { MailService, SuppressionRepository, UnsubscribeService } from '@roundtable/mail';
import { createTestApp, TestApp } from '../support/create-test-app';
import { TestRelay } from '../support/smtp-relay';

describe('Bounces and opt-outs (real SMTP relay)', () => {
  let t: TestApp;
  let relay: TestRelay;

  beforeAll(async () => {
    relay = await TestRelay.start({ refuse: (address) => address.startsWith('gone') });
    t = await createTestApp({ env: { SMTP_URL: relay.smtpUrl } });
  });
  afterAll(async () => {
    await t.close();
    await relay.stop();
  });

  it('records a 5xx refusal as a bounce and sends no more bulk mail there', async () => {
    const mail = t.app.get(MailService);
    const jobId = await mail.queue({ to: 'gone@example.test', subject: 'Survey', text: 'Hi', category: 'bulk' });
    await t.app.get(JobRunner).runDue();
    expect(await t.app.get(JobRepository).findById(jobId)).toMatchObject({
      status: 'failed',
      lastError: 'SMTP refused the message (550)',
    });
    expect(await t.app.get(SuppressionRepository).findOne('Gone@example.test')).toMatchObject({ reason: 'bounced' });
    await mail.queue({ to: 'gone@example.test', subject: 'Reminder', text: 'Hi', category: 'bulk' });
    await mail.queue({ to: 'kept@example.test', subject: 'Reminder', text: 'Hi', category: 'bulk' });
    await t.app.get(JobRunner).runDue();
    expect(relay.countTo('kept@example.test')).toBe(1);
    expect(relay.received.filter((m) => m.subject === 'Reminder')).toHaveLength(1);
  });

  it('unsubscribes by the link: GET asks, POST acts, a one-click POST needs no session', async () => {
    const unsubscribe = t.app.get(UnsubscribeService);
    const { url, headers } = await unsubscribe.linkFor('Reader@example.test', 'survey invitations');
    expect(headers['List-Unsubscribe']).toBe(`<${url}>`);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const path = new URL(url).pathname;

    const page = await request(t.app.getHttpServer()).get(path).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Stop these emails?');
    expect(page.text).toContain(`action="${path}"`);
    expect(await t.app.get(SuppressionRepository).findOne('reader@example.test')).toBeNull();

    // What a mail client sends for List-Unsubscribe-Post: no cookie, no CSRF token.
    const done = await request(t.app.getHttpServer())
      .post(path)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('You are unsubscribed');
    expect(await t.app.get(SuppressionRepository).findOne('reader@example.test')).toMatchObject({
      reason: 'opted_out',
    });

    const mail = t.app.get(MailService);
    await mail.queue({ to: 'reader@example.test', subject: 'Bulk after opt-out', text: 'x', category: 'bulk' });
    await mail.queue({ to: 'reader@example.test', subject: 'Your sign-in link', text: 'x' });
    await t.app.get(JobRunner).runDue();
    expect(relay.received.filter((m) => m.to.includes('reader@example.test')).map((m) => m.subject)).toEqual([
      'Your sign-in link',
    ]);
  });

  it('answers a made-up or tampered link with a clear 404', async () => {
    const { url } = await t.app.get(UnsubscribeService).linkFor('other@example.test', 'survey invitations');
    const path = new URL(url).pathname;
    const tampered = `${path.slice(0, -1)}${path.endsWith('x') ? 'y' : 'x'}`;
    const page = await request(t.app.getHttpServer()).get(tampered).set('Accept', 'text/html').expect(404);
    expect(page.text).toContain('This unsubscribe link is not valid');
    await request(t.app.getHttpServer()).post('/unsubscribe/short').expect(404);
  });
});
