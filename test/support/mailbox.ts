import { JobRunner } from '@roundtable/jobs';
import type { TestApp } from './create-test-app';

/** One message as the local mailbox (tools/servers/mail-sink.js) received it over SMTP. */
export interface ReceivedMail {
  id: number;
  receivedAt: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

function mailboxUrl(): string {
  const url = process.env.TEST_MAILBOX_URL;
  if (!url) {
    throw new Error('TEST_MAILBOX_URL is not set: e2e tests run under the jest e2e project (global setup).');
  }
  return url;
}

/** Everything the SMTP sink received for this address, oldest first. */
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${mailboxUrl()}/messages.json?to=${encodeURIComponent(address.toLowerCase())}`);
  return (await response.json()) as ReceivedMail[];
}

/**
 * Runs the app's queued jobs (the worker's part: mail goes out through the job queue), then waits
 * until a message for `address` matching `subject` has arrived over SMTP, and returns the newest.
 */
export async function deliverAndRead(
  t: TestApp,
  address: string,
  subject: RegExp,
  timeoutMs = 10_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await t.app.get(JobRunner).runDue();
    const found = (await mailTo(address)).filter((mail) => subject.test(mail.subject));
    if (found.length > 0) {
      return found[found.length - 1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail to ${address} with a subject matching ${String(subject)} arrived within ${timeoutMs} ms`);
}

/** The first link in a mail's text body that starts with `prefix` (an app URL). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\S*`).exec(mail.text);
  if (!match) {
    throw new Error(`No link starting with ${prefix} in mail "${mail.subject}":\n${mail.text}`);
  }
  return match[0];
}
