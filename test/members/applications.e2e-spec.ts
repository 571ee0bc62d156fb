import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { csrfFrom, profileForm } from '../support/forms';
import { deliverAndRead, mailTo } from '../support/mailbox';
import { signInAs } from '../support/sessions';

describe('Membership applications', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('takes an application, puts it in the staff queue, and emails the approval', async () => {
    const applicant = await signInAs(t, { role: 'applicant', name: 'jordan' });
    const form = await applicant.agent.get('/apply').expect(200);
    expect(form.text).toContain('Apply for membership');
    await applicant.agent
      .post('/apply')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), ...profileForm() })
      .expect(303)
      .expect('Location', '/portal');
    const portal = await applicant.agent.get('/portal').expect(200);
    expect(portal.text).toContain('being reviewed');
    const received = await deliverAndRead(t, applicant.member.email, /We received your application/);
    expect(received.text).toContain('http://127.0.0.1/portal');
    expect(received.html).toContain('<a class="mail-button" href="http://127.0.0.1/portal"');
    // Changing the waiting application sends no second acknowledgement.
    await applicant.agent
      .post('/apply')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), ...profileForm({ company: 'Acme Industrial' }) })
      .expect(303);

    const staff = await signInAs(t, { role: 'staff' });
    const queue = await staff.agent.get('/admin/applications').expect(200);
    expect(queue.text).toContain('Jordan Lee');
    expect(queue.text).toContain('Chief Customer Officer at Acme Industrial');
    const id = String(applicant.member._id);
    await staff.agent
      .post(`/admin/applications/${id}/approve`)
      .type('form')
      .send({ _csrf: staff.csrfToken })
      .expect(303);

    const approved = await t.app.get(MemberRepository).findById(id);
    expect(approved).toMatchObject({
      role: 'member',
      application: { status: 'approved', decidedBy: String(staff.member._id) },
    });
    expect(approved?.profile).toMatchObject({
      company: 'Acme Industrial',
      revenueBand: '>$1B',
      boardMember: false,
      yearsInRole: 4,
    });
    const mail = await deliverAndRead(t, applicant.member.email, /application is approved/);
    expect(mail.text).toContain('http://127.0.0.1/membership');
    expect(mail.html).toContain('<a class="mail-button" href="http://127.0.0.1/membership"');
    expect((await mailTo(applicant.member.email)).filter((m) => /We received/.test(m.subject))).toHaveLength(1);

    // A second decision on the same application is a clear conflict, not a silent change.
    const again = await staff.agent
      .post(`/admin/applications/${id}/decline`)
      .type('form')
      .send({ _csrf: staff.csrfToken, reason: 'late', confirm: 'yes' });
    expect(again.status).toBe(409);
  });

  it('takes one decision when two staff decide the same application at the same moment', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    const admin = await signInAs(t, { role: 'admin' });
    for (let round = 0; round < 3; round += 1) {
      const applicant = await signInAs(t, { role: 'applicant' });
      await applicant.agent
        .post('/apply')
        .type('form')
        .send({ _csrf: applicant.csrfToken, ...profileForm() })
        .expect(303);
      const id = String(applicant.member._id);
      const [approve, decline] = await Promise.all([
        staff.agent.post(`/admin/applications/${id}/approve`).type('form').send({ _csrf: staff.csrfToken }),
        admin.agent
          .post(`/admin/applications/${id}/decline`)
          .type('form')
          .send({ _csrf: admin.csrfToken, reason: 'Not a customer executive.', confirm: 'yes' }),
      ]);
      expect([approve.status, decline.status].sort()).toEqual([303, 409]);
      expect([approve, decline].find((r) => r.status === 409)?.text).toContain('has already been decided');
      const decided = await t.app.get(MemberRepository).findById(id);
      expect(decided?.application?.status).toBe(approve.status === 303 ? 'approved' : 'declined');
      expect(decided?.role).toBe(approve.status === 303 ? 'member' : 'applicant');
      await deliverAndRead(t, applicant.member.email, /application( is approved)?$/);
      // The acknowledgement of the application, then exactly one decision.
      const decisions = (await mailTo(applicant.member.email)).filter((m) => !/We received/.test(m.subject));
      expect(decisions).toHaveLength(1);
    }
  });

  it('declines with a reason, emails it, and lets the applicant apply again', async () => {
    const applicant = await signInAs(t, { role: 'applicant' });
    await applicant.agent
      .post('/apply')
      .type('form')
      .send({ _csrf: applicant.csrfToken, ...profileForm({ name: 'Dee Cline' }) })
      .expect(303);
    const staff = await signInAs(t, { role: 'admin' });
    const id = String(applicant.member._id);

    const noReason = await staff.agent
      .post(`/admin/applications/${id}/decline`)
      .type('form')
      .send({ _csrf: staff.csrfToken, reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('Please give the applicant a reason');

    // Declining asks for confirmation without JavaScript: no tick is a 422 that keeps the reason typed.
    const reason = 'The council is for executives who lead customer strategy.';
    const unconfirmed = await staff.agent
      .post(`/admin/applications/${id}/decline`)
      .type('form')
      .send({ _csrf: staff.csrfToken, reason });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.text).toContain('Please tick “I confirm” to decline');
    expect(unconfirmed.text).toContain(`value="${reason}"`);
    expect(unconfirmed.text).toContain('aria-describedby="confirm-error"');
    expect((await t.app.get(MemberRepository).findById(id))?.application?.status).toBe('submitted');

    await staff.agent
      .post(`/admin/applications/${id}/decline`)
      .type('form')
      .send({ _csrf: staff.csrfToken, reason, confirm: 'yes' })
      .expect(303);
    const mail = await deliverAndRead(t, applicant.member.email, /About your Roundtable application/);
    expect(mail.text).toContain('The council is for executives who lead customer strategy.');
    const form = await applicant.agent.get('/apply').expect(200);
    expect(form.text).toContain('was declined');
  });

  it('has nothing for a member to apply for: a valid application from one is a 409 and changes nothing', async () => {
    const member = await signInAs(t, { role: 'member' });
    const refused = await member.agent
      .post('/apply')
      .type('form')
      .set('Accept', 'text/html')
      .send({ _csrf: member.csrfToken, ...profileForm() });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('You are already a member');
    const stored = await t.app.get(MemberRepository).findById(String(member.member._id));
    expect(stored?.application?.status).toBe('none');
    const staff = await signInAs(t, { role: 'staff' });
    expect((await staff.agent.get('/admin/applications').expect(200)).text).not.toContain(member.member.email);
  });

  it('shows the form again with every problem and the values as typed, storing nothing', async () => {
    const applicant = await signInAs(t, { role: 'applicant' });
    const response = await applicant.agent
      .post('/apply')
      .type('form')
      .send({
        _csrf: applicant.csrfToken,
        ...profileForm({ company: 'Typed Company', revenueBand: 'lots', yearsInRole: 'ten' }),
      })
      .expect(422);
    expect(response.text).toContain('Please choose your company’s annual revenue band.');
    expect(response.text).toContain('Please enter whole years in your role');
    expect(response.text).toContain('value="Typed Company"');
    const stored = await t.app.get(MemberRepository).findById(String(applicant.member._id));
    expect(stored?.application?.status).toBe('none');
    expect(stored?.profile).toBeNull();
  });

  it('refuses an oversized form with a 413, and JSON (which a page does not read) with a 415', async () => {
    const applicant = await signInAs(t, { role: 'applicant' });
    const huge = await applicant.agent
      .post('/apply')
      .type('form')
      .send({ _csrf: applicant.csrfToken, ...profileForm({ company: 'x'.repeat(200 * 1024) }) });
    expect(huge.status).toBe(413);
    const malformed = await applicant.agent
      .post('/apply')
      .set('Content-Type', 'application/json')
      .set('x-csrf-token', applicant.csrfToken)
      .send('{"name": ');
    expect(malformed.status).toBe(415);
    expect(malformed.body.message).toContain('This address takes a form');
    expect((await t.app.get(MemberRepository).findById(String(applicant.member._id)))?.application?.status).toBe(
      'none',
    );
  });
});

describe('The member portal', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('edits the profile, downloads the data and records a deletion request', async () => {
    const me = await signInAs(t, { role: 'member', name: 'Priya Shah' });
    const form = await me.agent.get('/portal/profile').expect(200);
    expect(form.text).toContain('value="Priya Shah"');
    await me.agent
      .post('/portal/profile')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), ...profileForm({ name: 'Priya S. Shah', company: 'Globex' }) })
      .expect(303)
      .expect('Location', '/portal');
    // The portal says so once, then not again.
    expect((await me.agent.get('/portal').expect(200)).text).toContain('Your profile is saved.');
    expect((await me.agent.get('/portal').expect(200)).text).not.toContain('Your profile is saved.');

    const data = await me.agent.get('/portal/data.json').expect(200);
    expect(data.headers['content-disposition']).toContain('attachment');
    expect(data.body.member).toMatchObject({
      email: me.member.email,
      name: 'Priya S. Shah',
      profile: { company: 'Globex' },
    });

    await me.agent.post('/portal/delete').type('form').send({ _csrf: me.csrfToken, confirm: 'yes' }).expect(303);
    const portal = await me.agent.get('/portal').expect(200);
    expect(portal.text).toContain('We have your request to delete your account');
    expect((await t.app.get(MemberRepository).findById(String(me.member._id)))?.deletionRequestedAt).toBeInstanceOf(
      Date,
    );

    // Staff find the request in the member list.
    const someoneElse = await signInAs(t, { role: 'member', name: 'Stays Around' });
    const staff = await signInAs(t, { role: 'staff' });
    const asked = await staff.agent.get('/admin/members?deletion=requested').expect(200);
    expect(asked.text).toContain('Priya S. Shah');
    expect(asked.text).toContain('(asked to be deleted)');
    expect(asked.text).not.toContain(someoneElse.member.email);
  });
});
