import { ObjectId } from 'mongodb';
import request from 'supertest';
import { SESSIONS_COLLECTION } from '@roundtable/auth';
import { TierRepository } from '@roundtable/billing';
import { buildBillingEvent } from '../support/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildDirectoryListing } from '../support/directory';
import { csrfFrom } from '../support/forms';
import { deliverAndRead } from '../support/mailbox';
import { signInAs, SignedIn } from '../support/sessions';
import { buildLinkedInIdentity } from '../support/sign-ins';
import { startStripeRecorder } from '../support/stripe';
import { buildInvitation } from '../support/surveys';

const MEMBER = { tier: 'associate', state: 'active', entitlements: ['members_posts', 'comment'] };

/**
 * Erasure end to end: the member asks in their portal, staff confirm on a page without JavaScript,
 * and every record the member left is then deleted or kept without them, Stripe included.
 */
describe('Erasing a member who asked to be deleted', () => {
  let t: TestApp;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;
  let staff: SignedIn;

  const post = (who: SignedIn, path: string, fields: Record<string, string> = {}) =>
    who.agent
      .post(path)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: who.csrfToken, ...fields });

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    t = await createTestApp({ env: { STRIPE_API_URL: recorder.url } });
    await t.app.get(TierRepository).seedDefaults();
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
    await post(staff, '/admin/posts', { title: 'On erasure', bodyMarkdown: 'Forget me.', action: 'publish' }).expect(
      303,
    );
  });
  afterAll(async () => {
    await t.close();
    await recorder.close();
  });

  /** A member with a record in every feature: comment, Stripe customer, billing event, survey, directory, sign-ins. */
  async function memberWithHistory(name: string) {
    const me = await signInAs(t, { role: 'member', name, membership: MEMBER });
    const id = String(me.member._id);
    await post(me, '/blog/on-erasure/comments', { body: `${name} says hello.` }).expect(303);
    await post(me, '/membership/checkout', { tier: 'council' }).expect(303);
    const customerId = (await t.connection.collection('memberships').findOne({ memberId: id }))!.stripeCustomerId;
    expect(customerId).toMatch(/^cus_/);
    const eventId = `evt_${new ObjectId().toHexString()}`;
    await buildBillingEvent(t, { eventId, memberId: id, detail: 'Paid' });
    const surveyId = new ObjectId().toHexString();
    await buildInvitation(
      t,
      {
        surveyId,
        memberId: id,
        email: me.member.email,
        name,
        profile: { revenueBand: '$10M-$50M' },
        tier: 'associate',
      },
      'sent',
    );
    await buildDirectoryListing(t, id, ['title']);
    await buildLinkedInIdentity(t, id);
    const visitor = request.agent(t.app.getHttpServer());
    const signIn = await visitor.get('/sign-in').expect(200);
    await visitor
      .post('/sign-in/email')
      .type('form')
      .send({ _csrf: csrfFrom(signIn.text), email: me.member.email })
      .expect(303);
    expect(await t.connection.collection('sign_in_tokens').countDocuments({ email: me.member.email })).toBe(1);
    await post(me, '/portal/delete', { confirm: 'yes' }).expect(303);
    return { me, id, customerId: customerId as string, surveyId, eventId };
  }

  it('deletes the person everywhere after staff confirm, keeping their comments, billing and survey records', async () => {
    const { me, id, customerId, surveyId, eventId } = await memberWithHistory('Erin Erasable');
    const email = me.member.email;

    // Staff see the request and a confirmation page (a plain form: no JavaScript needed).
    const list = await staff.agent.get('/admin/members?deletion=requested').expect(200);
    expect(list.text).toContain(`/admin/members/${id}/erase`);
    const confirm = await staff.agent.get(`/admin/members/${id}/erase`).expect(200);
    expect(confirm.text).toContain('Erase Erin Erasable');
    expect(confirm.text).toMatch(new RegExp(`<form method="post" action="/admin/members/${id}/erase"`));

    const deletesBefore = recorder.calls.filter((call) => call.method === 'DELETE').length;
    const erased = await post(staff, `/admin/members/${id}/erase`).expect(303);
    expect(erased.headers.location).toBe('/admin/members?deletion=requested');

    // Stripe: the customer was deleted through the API.
    const deletes = recorder.calls.filter((call) => call.method === 'DELETE');
    expect(deletes.length).toBe(deletesBefore + 1);
    expect(deletes[deletes.length - 1].path).toBe(`/v1/customers/${customerId}`);

    // The person is gone: record, membership, sessions, identities, sign-in links, directory listing.
    expect(await t.connection.collection('members').countDocuments({ _id: new ObjectId(id) })).toBe(0);
    expect(await t.connection.collection('members').countDocuments({ email })).toBe(0);
    expect(await t.connection.collection('memberships').countDocuments({ memberId: id })).toBe(0);
    expect(await t.connection.collection(SESSIONS_COLLECTION).countDocuments({ 'session.memberId': id })).toBe(0);
    expect(await t.connection.collection('linkedin_identities').countDocuments({ memberId: id })).toBe(0);
    expect(await t.connection.collection('sign_in_tokens').countDocuments({ email })).toBe(0);
    expect(await t.connection.collection('directory_listings').countDocuments({ _id: id as never })).toBe(0);

    // Their old session no longer signs them in.
    const portal = await me.agent.get('/portal').set('Accept', 'text/html');
    expect(portal.status).not.toBe(200);
    expect(portal.text).not.toContain('Erin Erasable');

    // Their comment stays, signed "a former member".
    const page = await request(t.app.getHttpServer()).get('/blog/on-erasure').expect(200);
    expect(page.text).toContain('Erin Erasable says hello.');
    expect(page.text).toContain('A former member');
    expect(page.text).not.toContain('<strong>Erin Erasable</strong>');
    const comment = await t.connection.collection('comments').findOne({ body: 'Erin Erasable says hello.' });
    expect(comment).toMatchObject({ memberId: null, authorName: 'A former member', guestEmail: null });

    // The billing event and the survey invitation stay, without the person.
    const event = await t.connection.collection('billing_events').findOne({ eventId });
    expect(event).not.toBeNull();
    expect(JSON.stringify(event)).not.toContain(id);
    expect(JSON.stringify(event)).not.toContain(email);
    const invitation = await t.connection
      .collection('survey_invitations')
      .findOne({ _id: `${surveyId}:${id}` as never });
    expect(invitation).toMatchObject({ email: '', name: '', status: 'sent' });
    expect(JSON.stringify(invitation)).not.toContain('Erin');

    // The confirmation email arrived.
    const mail = await deliverAndRead(t, email, /account is deleted/);
    expect(mail.text).toContain('Dear Erin Erasable');
    expect(mail.text).toContain('a former member');
  });

  it('answers a second confirmation with 404, and refuses a member who never asked with 409', async () => {
    const { id } = await memberWithHistory('Twice Confirmed');
    await post(staff, `/admin/members/${id}/erase`).expect(303);
    const again = await post(staff, `/admin/members/${id}/erase`).expect(404);
    expect(again.text).toContain('erased already');
    expect((await staff.agent.get(`/admin/members/${id}/erase`)).status).toBe(404);

    const keeper = await signInAs(t, { role: 'member', name: 'Kept Member', membership: MEMBER });
    const refused = await post(staff, `/admin/members/${String(keeper.member._id)}/erase`).expect(409);
    expect(refused.text).toContain('has not asked to be deleted');
    expect(await t.connection.collection('members').countDocuments({ _id: keeper.member._id })).toBe(1);
  });

  it('refuses a member who posts the erasure of another (or of themselves) and leaves them whole', async () => {
    const { me, id } = await memberWithHistory('Not Staff');
    const other = await signInAs(t, { role: 'member', name: 'Other Member', membership: MEMBER });
    const deletesBefore = recorder.calls.filter((call) => call.method === 'DELETE').length;
    await post(other, `/admin/members/${id}/erase`).expect(403);
    await post(me, `/admin/members/${id}/erase`).expect(403);
    expect(await t.connection.collection('members').countDocuments({ _id: new ObjectId(id) })).toBe(1);
    expect(await t.connection.collection('memberships').countDocuments({ memberId: id })).toBe(1);
    expect(recorder.calls.filter((call) => call.method === 'DELETE').length).toBe(deletesBefore);
  });
});
