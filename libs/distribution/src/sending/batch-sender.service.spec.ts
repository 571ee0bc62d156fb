import { TransientMailError, type SendOutcome, type TransportMessage } from '@roundtable/mail';
import type { SurveyRecord } from '@roundtable/surveys';
import type { DeliveryOutcome } from '../delivery/delivery.repository';
import { FAILURE_PREFIX } from '../progress/figures';
import type { BatchPayload } from './batch';
import { BatchSender } from './batch-sender.service';

/**
 * The batch sender with in-memory stand-ins for its repositories and a transport that records what
 * it was given: what each recipient's fate is (sent, suppressed, bounced, skipped as completed or
 * already recorded, failed), and what is written and counted for it.
 */
function harness(options: { status?: SurveyRecord['status']; outcome?: (to: string) => SendOutcome | Error } = {}) {
  const sent: TransportMessage[] = [];
  const deliveries = new Map<string, { outcome: DeliveryOutcome; at: Date }>();
  const suppressed = new Map<string, { reason: string }>();
  const statuses = new Map<string, string>();
  const reminded: string[] = [];
  const completed = new Set<string>();
  const counted: Record<string, number> = {};
  const links: string[] = [];
  const lists = new Map<string, unknown[]>();
  const survey = {
    _id: 'sv1',
    title: 'Accountabilities',
    intro: 'Which are yours?',
    closesAt: null,
    status: options.status ?? 'open',
  } as unknown as SurveyRecord;
  const setStatus = (ids: string[], status: string) => ids.forEach((id) => statuses.set(id, status));
  const sender = new BatchSender(
    {} as never,
    {
      poolSize: 2,
      send: (message: TransportMessage) => {
        const outcome = options.outcome?.(message.to) ?? { status: 'sent' };
        if (outcome instanceof Error) {
          return Promise.reject(outcome);
        }
        sent.push(message);
        return Promise.resolve(outcome);
      },
    } as never,
    {
      findAmong: (emails: string[]) =>
        Promise.resolve(
          new Map(
            emails
              .filter((e) => suppressed.has(e.toLowerCase()))
              .map((e) => [e.toLowerCase(), suppressed.get(e.toLowerCase())!]),
          ),
        ),
      suppress: (email: string, reason: string) =>
        Promise.resolve(void suppressed.set(email.toLowerCase(), { reason })),
    } as never,
    {
      linksFor: (emails: string[]) =>
        Promise.resolve(
          emails.map((email) => ({
            url: `https://rt.test/unsubscribe/${email}`,
            headers: { 'List-Unsubscribe': email },
          })),
        ),
    } as never,
    { findById: () => Promise.resolve(survey) } as never,
    {
      setStatusMany: (ids: string[], status: string) => Promise.resolve(setStatus(ids, status)),
      setStatus: (id: string, status: string) => Promise.resolve(setStatus([id], status)),
      addReminderMany: (ids: string[]) => Promise.resolve(void reminded.push(...ids)),
    } as never,
    {
      insertMany: (entries: Array<{ hash: string }>) => Promise.resolve(void links.push(...entries.map((e) => e.hash))),
      revokeOthers: () => Promise.resolve(),
    } as never,
    { findCompletedAmong: (ids: string[]) => Promise.resolve(new Set(ids.filter((id) => completed.has(id)))) } as never,
    {
      findRecorded: (ids: string[]) =>
        Promise.resolve(new Map(ids.filter((id) => deliveries.has(id)).map((id) => [id, deliveries.get(id)!]))),
      recordMany: (entries: Array<{ id: string; outcome: DeliveryOutcome }>) => {
        const fresh = entries.filter((entry) => !deliveries.has(entry.id));
        fresh.forEach((entry) => deliveries.set(entry.id, { outcome: entry.outcome, at: new Date() }));
        return Promise.resolve(new Set(fresh.map((entry) => entry.id)));
      },
    } as never,
    {
      find: (id: string) => Promise.resolve(lists.get(id) ?? null),
      remove: (id: string) => Promise.resolve(void lists.delete(id)),
    } as never,
    {
      add: (_group: string, deltas: Record<string, number>) => {
        for (const [figure, delta] of Object.entries(deltas)) {
          counted[figure] = (counted[figure] ?? 0) + delta;
        }
        return Promise.resolve();
      },
    } as never,
    { baseUrl: 'https://rt.test' } as never,
  );
  return { sender, sent, deliveries, suppressed, statuses, reminded, completed, counted, links, lists };
}

const recipients = ['ann', 'bo', 'cy'].map((name) => ({
  invitationId: `sv1:${name}`,
  email: `${name}@example.test`,
  name,
}));
const invite: BatchPayload = { surveyId: 'sv1', kind: 'invite', recipients };
const first = { attempt: 1, lastAttempt: false };

describe(BatchSender.name, () => {
  it('sends each recipient one email with a survey link and an unsubscribe link of its own, and records it', async () => {
    const h = harness();
    await h.sender.send(invite, first);
    expect(h.sent.map((mail) => mail.to)).toEqual(recipients.map((r) => r.email));
    const surveyLinks = h.sent.map((mail) => /https:\/\/rt\.test\/s\/([\w-]{43})/.exec(mail.text)?.[1]);
    expect(new Set(surveyLinks).size).toBe(3);
    expect(h.sent[1].text).toContain('https://rt.test/unsubscribe/bo@example.test');
    expect(h.sent[1].headers).toEqual({ 'List-Unsubscribe': 'bo@example.test' });
    // Only the links' hashes are stored, one per email.
    expect(h.links).toHaveLength(3);
    expect(h.links.some((hash) => surveyLinks.includes(hash))).toBe(false);
    expect([...h.deliveries]).toEqual(
      recipients.map((r) => [`${r.invitationId}:invite`, expect.objectContaining({ outcome: 'sent' })]),
    );
    expect(h.counted).toMatchObject({ sent: 3, bounced: 0 });
  });

  it('sends a batch queued with recipients in the lettered shape just as one in words', async () => {
    const h = harness();
    const lettered = recipients.map((r) => ({ i: r.invitationId, e: r.email, n: r.name }));
    await h.sender.send({ ...invite, recipients: lettered }, first);
    expect(h.sent.map((mail) => mail.to)).toEqual(recipients.map((r) => r.email));
    expect(h.sent[1].text).toContain('Dear bo,');
    expect([...h.deliveries.keys()]).toEqual(recipients.map((r) => `${r.invitationId}:invite`));
  });

  it('sends to the recipients stored beside the batch, and removes them once all are sent', async () => {
    const h = harness();
    h.lists.set('batch:sv1:invite:start:1', recipients);
    await h.sender.send({ surveyId: 'sv1', kind: 'invite', recipientsId: 'batch:sv1:invite:start:1' }, first);
    expect(h.sent.map((mail) => mail.to)).toEqual(recipients.map((r) => r.email));
    expect([...h.deliveries.keys()]).toEqual(recipients.map((r) => `${r.invitationId}:invite`));
    expect(h.lists.size).toBe(0);
  });

  it('keeps stored recipients while the relay is away, so the retry finds them', async () => {
    const h = harness({ outcome: () => new TransientMailError('relay away') });
    h.lists.set('list', recipients);
    await expect(h.sender.send({ ...invite, recipients: undefined, recipientsId: 'list' }, first)).rejects.toThrow(
      'relay away',
    );
    expect(h.lists.get('list')).toEqual(recipients);
  });

  it('sends nothing when a batch runs again after its stored recipients were removed (it had finished)', async () => {
    const h = harness();
    await h.sender.send({ surveyId: 'sv1', kind: 'invite', recipientsId: 'gone' }, { attempt: 2, lastAttempt: false });
    expect(h.sent).toEqual([]);
    expect(h.deliveries.size).toBe(0);
  });

  it('sends nothing to a suppressed address: records it, marks the invitation opted out and counts why', async () => {
    const h = harness();
    h.suppressed.set('bo@example.test', { reason: 'opted_out' });
    await h.sender.send(
      { ...invite, recipients: recipients.map((r) => ({ ...r, email: r.email.toUpperCase() })) },
      first,
    );
    expect(h.sent.map((mail) => mail.to)).toEqual(['ANN@EXAMPLE.TEST', 'CY@EXAMPLE.TEST']);
    expect(h.deliveries.get('sv1:bo:invite')?.outcome).toBe('suppressed');
    expect(h.statuses.get('sv1:bo')).toBe('opted_out');
    expect(h.counted).toMatchObject({ sent: 2, suppressed: 1, [`${FAILURE_PREFIX}opted out`]: 1 });
  });

  it('suppresses an address the relay refuses, and counts the bounce', async () => {
    const h = harness({
      outcome: (to) =>
        to === 'cy@example.test' ? { status: 'bounced', code: 550, reason: 'no such user' } : { status: 'sent' },
    });
    await h.sender.send(invite, first);
    expect(h.suppressed.get('cy@example.test')).toEqual({ reason: 'bounced' });
    expect(h.statuses.get('sv1:cy')).toBe('bounced');
    expect(h.counted).toMatchObject({ sent: 2, bounced: 1 });
  });

  it('on a retry, sends only what no earlier run recorded', async () => {
    const h = harness();
    h.deliveries.set('sv1:ann:invite', { outcome: 'sent', at: new Date() });
    await h.sender.send(invite, { attempt: 2, lastAttempt: false });
    expect(h.sent.map((mail) => mail.to)).toEqual(['bo@example.test', 'cy@example.test']);
  });

  it('sends a reminder only to those who have not completed, and notes the reminder on their invitations', async () => {
    const h = harness();
    h.completed.add('sv1:ann');
    await h.sender.send({ ...invite, kind: 'reminder:1' }, first);
    expect(h.sent.map((mail) => mail.to)).toEqual(['bo@example.test', 'cy@example.test']);
    expect(h.sent[0].subject).toMatch(/^Reminder: /);
    expect(h.reminded.sort()).toEqual(['sv1:bo', 'sv1:cy']);
    expect(h.counted).toMatchObject({ reminded: 2 });
  });

  it('sends nothing for a closed survey and records each email as failed', async () => {
    const h = harness({ status: 'closed' });
    await h.sender.send(invite, first);
    expect(h.sent).toEqual([]);
    expect([...h.statuses.values()]).toEqual(['failed', 'failed', 'failed']);
    expect(h.counted).toMatchObject({ failed: 3, [`${FAILURE_PREFIX}survey closed before sending`]: 3 });
  });

  it('when the relay is away on the last attempt, records what could not be sent as failed and rethrows', async () => {
    const h = harness({
      outcome: (to) => (to === 'ann@example.test' ? { status: 'sent' } : new TransientMailError('relay away')),
    });
    await expect(h.sender.send(invite, { attempt: 8, lastAttempt: true })).rejects.toThrow('relay away');
    expect(h.deliveries.get('sv1:ann:invite')?.outcome).toBe('sent');
    expect(h.statuses.get('sv1:bo')).toBe('failed');
    expect(h.statuses.get('sv1:cy')).toBe('failed');
  });
});
