import { JobRunner } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import type { TestApp } from '../support/create-test-app';
import type { ReceivedMail } from '../support/mailbox';
import { buildSurvey as buildDraftSurvey } from '../support/surveys';

const TIERS = ['council', 'executive'];
const REVENUE = ['Under $100M', '$100M–$1B', 'Over $1B'];

/** `count` active members entitled to surveys, with addresses `<label>.<n>@example.test`. */
export async function buildAudience(t: TestApp, count: number, label: string): Promise<string[]> {
  const members = t.app.get(MemberRepository);
  const emails: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const email = `${label}.${n}@example.test`;
    const member = await members.create({ email, name: `Member ${n}`, role: 'member' });
    await members.setMembership(String(member._id), {
      tier: TIERS[n % TIERS.length],
      state: 'active',
      entitlements: ['take_surveys', 'see_reports'],
    });
    await members.updateProfile(String(member._id), `Member ${n}`, { revenueBand: REVENUE[n % 3] } as never);
    emails.push(email);
  }
  return emails;
}

/** A draft survey ready to send (two items, closing in a month). */
export async function buildSurvey(t: TestApp, title: string): Promise<string> {
  const survey = await buildDraftSurvey(t, {
    title,
    intro: 'Which accountabilities are yours?',
    items: [
      { key: 'strategy', label: 'Customer strategy' },
      { key: 'voc', label: 'Voice of the customer programme' },
      { key: 'metrics', label: 'Customer value metrics' },
    ],
    profileQuestions: [],
  });
  return String(survey._id);
}

/** Runs the app's queued jobs (the worker's part) until none is due. */
export async function runQueue(t: TestApp): Promise<void> {
  const runner = t.app.get(JobRunner);
  while ((await runner.runDue(50)) > 0) {
    // keep going: a distribution queues its batches as it runs
  }
}

/** The `/s/<token>` link of a survey email. */
export function surveyLinkIn(text: string): string {
  const match = /http:\/\/127\.0\.0\.1\/s\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) {
    throw new Error(`No survey link in:\n${text}`);
  }
  return match[1];
}

/** What the SMTP sink holds for the audience built with `label` (addresses `<label>.<n>@…`). */
export async function sinkMail(label: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${process.env.TEST_MAILBOX_URL}/messages.json`);
  const all = (await response.json()) as ReceivedMail[];
  return all.filter((mail) => mail.envelopeTo.some((to) => to.startsWith(`${label}.`)));
}
