import { JobRepository } from '@roundtable/jobs';
import { MailService } from '@roundtable/mail';
import { createTestApp, TestApp } from '../support/create-test-app';
import { deliverAndRead, mailTo } from '../support/mailbox';

describe('Outgoing email (real SMTP sink)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('queues a message as a job and delivers it over SMTP when the worker runs', async () => {
    const jobId = await t.app.get(MailService).queue({
      to: 'Grace@Example.test',
      subject: 'Welcome to the council',
      text: 'Hello Grace',
      html: '<p>Hello <b>Grace</b></p>',
      headers: { 'List-Unsubscribe': '<https://example.test/u>' },
    });
    expect(await mailTo('grace@example.test')).toHaveLength(0);

    const mail = await deliverAndRead(t, 'grace@example.test', /Welcome to the council/);
    expect(mail.text).toBe('Hello Grace');
    expect(mail.html).toContain('<b>Grace</b>');
    expect(mail.from).toContain('council@roundtable.test');
    expect(mail.headers['list-unsubscribe']).toBe('<https://example.test/u>');
    expect(await t.app.get(JobRepository).findById(jobId)).toMatchObject({ status: 'done' });
  });
});
