import request from 'supertest';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { newToken } from '@roundtable/core';
import { JobRunner } from '@roundtable/jobs';
import {
  LinkRepository,
  MilestoneRepository,
  ResponseRepository,
  SurveyLinkRequest,
  SurveyCache,
  SurveyProgressHook,
  SurveyRepository,
  type SurveyProgressEvent,
} from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';
import { setSurveyCloseDate } from '../support/surveys';
import { answer, invite, openSurvey } from './survey-fixtures';

describe('Survey response page /s/<token>', () => {
  let t: TestApp;
  let surveyId: string;
  const events: SurveyProgressEvent[] = [];
  const http = () => request(t.app.getHttpServer());
  const responses = () => t.app.get(ResponseRepository);

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(SurveyProgressHook).register((event) => {
      events.push(event);
    });
    surveyId = await openSurvey(t);
  });
  afterAll(() => t.close());

  it('shows the form without sign-in, prefilled from the profile, and a GET changes no answer', async () => {
    const { token, invitationId } = await invite(t, surveyId, { profile: { revenueBand: '$100M–$1B' } });
    const page = await http().get(`/s/${token}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.text).toContain('Which of these are yours today?');
    expect(page.text).toContain('<label for="held-i1">Customer-centric tactics</label>');
    expect(page.text).toContain('<option selected>$100M–$1B</option>');
    await http().get(`/s/${token}`).expect(200);
    expect(await responses().findById(invitationId)).toBeNull();
    expect(await t.app.get(MilestoneRepository).has(invitationId, 'opened')).toBe(true);
    expect(events.filter((event) => event.invitationId === invitationId)).toEqual([
      { surveyId, invitationId, milestone: 'opened' },
    ]);
  });

  it('saves a partial answer, then completes it, then lets the member edit it until close', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    const saved = await http()
      .post(`/s/${token}`)
      .type('form')
      .send({ held: ['i2', 'i4'], rank_i4: '1', action: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/s/${token}?saved=1`);
    expect(await responses().findById(invitationId)).toMatchObject({
      status: 'partial',
      held: ['i4', 'i2'],
      ranked: 1,
      surveyId,
    });
    const again = await http().get(saved.headers.location);
    expect(again.text).toContain('Your answers are saved.');
    expect(again.text).toMatch(/id="held-i2" name="held" value="i2" checked/);
    expect(again.text).toMatch(/name="rank_i4"[^>]*>\s*<option value="">—<\/option>\s*<option value="1" selected>/);

    const done = await http().post(`/s/${token}`).type('form').send(answer());
    expect(done.headers.location).toBe(`/s/${token}?done=1`);
    const completed = await responses().findById(invitationId);
    expect(completed).toMatchObject({
      status: 'completed',
      held: ['i5', 'i1', 'i3'],
      profile: { revenueBand: '>$1B' },
    });
    expect((await http().get(done.headers.location)).text).toContain('Update my response');

    const edited = await http()
      .post(`/s/${token}`)
      .type('form')
      .send(answer({ held: ['i7'], rank_i7: '1', rank_i5: '', rank_i1: '', rank_i3: '' }));
    expect(edited.headers.location).toBe(`/s/${token}?updated=1`);
    const after = await responses().findById(invitationId);
    expect(after).toMatchObject({ status: 'completed', held: ['i7'] });
    expect(after?.completedAt).toEqual(completed?.completedAt);
    const milestones = events.filter((event) => event.invitationId === invitationId).map((event) => event.milestone);
    expect(milestones).toEqual(['started', 'completed']);
  });

  it('refuses a ranking that repeats or omits an item, with a message per item, and keeps the saved answer', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    await http().post(`/s/${token}`).type('form').send(answer()).expect(303);
    const before = await responses().findById(invitationId);

    const repeated = await http()
      .post(`/s/${token}`)
      .type('form')
      .send(answer({ rank_i3: '1' }));
    expect(repeated.status).toBe(422);
    expect(repeated.text).toContain('Nothing was saved.');
    expect(repeated.text).toMatch(/<a href="#rank-i5">[^<]*has the same priority \(1\) as[^<]*<\/a>/);
    expect(repeated.text).toContain('aria-invalid="true"');

    const omitted = await http()
      .post(`/s/${token}`)
      .type('form')
      .send(answer({ rank_i3: '' }));
    expect(omitted.status).toBe(422);
    expect(omitted.text).toContain(
      '<a href="#rank-i3">Please give “Metrics and analytics related to customer-centricity” a priority from 1 to 3.</a>',
    );
    // What the member typed comes back: the three ticks stay ticked.
    expect(omitted.text).toMatch(/id="held-i5" name="held" value="i5" checked/);

    const badProfile = await http()
      .post(`/s/${token}`)
      .type('form')
      .send(answer({ profile_revenueBand: 'lots' }));
    expect(badProfile.status).toBe(422);
    expect(badProfile.text).toContain('Please choose one of the listed answers to “Your company’s annual revenue”.');

    const tamperedItem = await http()
      .post(`/s/${token}`)
      .type('form')
      .send(answer({ held: ['i1', 'i3', 'i5', 'i99'] }));
    expect(tamperedItem.status).toBe(422);
    expect(tamperedItem.text).toContain('an item that is not in this survey');
    expect(await responses().findById(invitationId)).toEqual(before);
  });

  it('answers a tampered, unknown or replaced link with a clear page and a way to ask for a new link', async () => {
    const { token } = await invite(t, surveyId);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [tampered, 'not-a-token', `${token}x`]) {
      const page = await http().get(`/s/${bad}`).set('Accept', 'text/html');
      expect(page.status).toBe(404);
      expect(page.text).toContain('We do not recognise this link');
      expect(page.text).toContain('action="/s/new-link"');
      const post = await http().post(`/s/${bad}`).type('form').send(answer());
      expect(post.status).toBe(404);
    }
  });

  it('records a request for a new link for staff, without saying whether the address was invited', async () => {
    const { token } = await invite(t, surveyId, { email: 'asker@example.test' });
    const requests = t.app.get<Model<SurveyLinkRequest>>(getModelToken(SurveyLinkRequest.name));
    const invalid = await http().post('/s/new-link').type('form').send({ email: 'not an address', token });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('Please enter an email address');
    const asked = await http().post('/s/new-link').type('form').send({ email: ' Asker@Example.test ', token });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('the council staff will send a new link');
    const stranger = await http().post('/s/new-link').type('form').send({ email: 'nobody@example.test' });
    expect(stranger.text).toContain('the council staff will send a new link');
    await t.app.get(JobRunner).runDue();
    const stored = await requests.find({}).sort({ _id: 1 }).lean();
    expect(stored.map(({ email, surveyId: id }) => ({ email, surveyId: id }))).toEqual([
      { email: 'asker@example.test', surveyId },
      { email: 'nobody@example.test', surveyId: null },
    ]);
  });

  it('keeps one whole response when two tabs submit at once', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    const [first, second] = await Promise.all([
      http().post(`/s/${token}`).type('form').send(answer()),
      http()
        .post(`/s/${token}`)
        .type('form')
        .send(answer({ held: ['i2', 'i9'], rank_i2: '2', rank_i9: '1', rank_i5: '', rank_i1: '', rank_i3: '' })),
    ]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect([first.headers.location, second.headers.location].sort()).toEqual([
      `/s/${token}?done=1`,
      `/s/${token}?updated=1`,
    ]);
    const stored = await responses().findById(invitationId);
    expect(stored?.status).toBe('completed');
    expect([
      ['i5', 'i1', 'i3'],
      ['i9', 'i2'],
    ]).toContainEqual(stored?.held);
    expect(
      events.filter((event) => event.invitationId === invitationId && event.milestone === 'completed'),
    ).toHaveLength(1);
  });

  it('does not turn a submitted response back into a draft when another tab saves', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    await http().post(`/s/${token}`).type('form').send(answer()).expect(303);
    const before = await responses().findById(invitationId);
    const stale = await http()
      .post(`/s/${token}`)
      .type('form')
      .send({ held: ['i2'], action: 'save' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('You have already submitted this survey');
    expect(await responses().findById(invitationId)).toEqual(before);
  });

  it('refuses an empty submit unless “None of these are mine” is ticked, then completes holding none', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    const form = await http().get(`/s/${token}`).expect(200);
    expect(form.text).toMatch(
      /<input type="checkbox" id="held-none" name="none" value="yes">\s*<label for="held-none">None of these are mine<\/label>/,
    );
    const empty = await http()
      .post(`/s/${token}`)
      .set('Accept', 'text/html')
      .type('form')
      .send({ profile_revenueBand: '>$1B', action: 'submit' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain(
      'Please tick the functions that are yours, or tick “None of these are mine” if you hold none of them.',
    );
    expect(await responses().findById(invitationId)).toBeNull();
    const both = await http()
      .post(`/s/${token}`)
      .set('Accept', 'text/html')
      .type('form')
      .send(answer({ none: 'yes' }));
    expect(both.status).toBe(422);
    expect(both.text).toContain('You ticked “None of these are mine” and also some functions');
    expect(await responses().findById(invitationId)).toBeNull();

    await http()
      .post(`/s/${token}`)
      .type('form')
      .send({ none: 'yes', profile_revenueBand: '>$1B', action: 'submit' })
      .expect(303);
    expect(await responses().findById(invitationId)).toMatchObject({ status: 'completed', held: [] });
    const after = await http().get(`/s/${token}`).expect(200);
    expect(after.text).toContain('id="held-none" name="none" value="yes" checked');
  });

  it('refuses an oversized body with a clear message and no change', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    await http().post(`/s/${token}`).type('form').send(answer()).expect(303);
    const before = await responses().findById(invitationId);
    const huge = await http()
      .post(`/s/${token}`)
      .set('Accept', 'text/html')
      .type('form')
      .send(answer({ filler: 'x'.repeat(200 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.text).toContain('The request is too large.');
    expect(await responses().findById(invitationId)).toEqual(before);
  });

  it('takes no answer after the survey closed, whether closed by staff or by its date', async () => {
    const closing = await openSurvey(t);
    const { token, invitationId } = await invite(t, closing);
    await http()
      .post(`/s/${token}`)
      .type('form')
      .send({ held: ['i1'], action: 'save' })
      .expect(303);
    const before = await responses().findById(invitationId);
    await t.app.get(SurveyRepository).close(closing);
    const late = await http().post(`/s/${token}`).set('Accept', 'text/html').type('form').send(answer());
    expect(late.status).toBe(410);
    expect(late.text).toContain('This survey has closed');
    expect(late.text).toContain('nothing was saved');
    expect(await responses().findById(invitationId)).toEqual(before);
    expect((await http().get(`/s/${token}`)).status).toBe(410);

    const dated = await openSurvey(t);
    const link = await invite(t, dated);
    await setSurveyCloseDate(t, dated, new Date(Date.now() - 1000));
    const afterDate = await http().post(`/s/${link.token}`).type('form').send(answer());
    expect(afterDate.status).toBe(410);
    expect(await responses().findById(link.invitationId)).toBeNull();
  });

  it('answers a replaced (revoked) link with its own page', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    const { hash } = newToken();
    const links = t.app.get(LinkRepository);
    await links.insert(hash, invitationId, surveyId);
    await links.revokeOthers(invitationId, hash);
    const page = await http().get(`/s/${token}`).set('Accept', 'text/html');
    expect(page.status).toBe(410);
    expect(page.text).toContain('This link has been replaced');
    expect(page.text).toContain(`name="token" value="${token}"`);
  });

  it('takes no answer through a replaced (revoked) link, valid or not, and stores nothing', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    await http().get(`/s/${token}`).expect(200);
    const { hash } = newToken();
    const links = t.app.get(LinkRepository);
    await links.insert(hash, invitationId, surveyId);
    await links.revokeOthers(invitationId, hash);
    for (const body of [answer(), answer({ action: 'save' }), answer({ rank_i5: '9' })]) {
      const refused = await http().post(`/s/${token}`).set('Accept', 'text/html').type('form').send(body);
      expect(refused.status).toBe(410);
      expect(refused.text).toContain('This link has been replaced');
    }
    expect(await responses().findById(invitationId)).toBeNull();
    expect(await t.app.get(MilestoneRepository).has(invitationId, 'started')).toBe(false);
  });

  it('shows an answer given from the portal on the link’s next view, though views reuse their reads', async () => {
    const member = await signInAs(t);
    const { token } = await invite(t, surveyId, { memberId: String(member.member._id) });
    // Two views: the second is served from what the first read (LinkPageReadsCache).
    for (let view = 0; view < 2; view++) {
      const page = await http().get(`/s/${token}`).expect(200);
      expect(page.text).not.toMatch(/id="held-i2" name="held" value="i2" checked/);
    }
    await member.agent
      .post(`/portal/surveys/${surveyId}`)
      .type('form')
      .send({ _csrf: member.csrfToken, held: ['i2'], action: 'save' })
      .expect(303);
    const after = await http().get(`/s/${token}`).expect(200);
    expect(after.text).toMatch(/id="held-i2" name="held" value="i2" checked/);
  });

  it('answers a repeated view without cookies before sessions and routing, with the same page and headers', async () => {
    const { token, invitationId } = await invite(t, surveyId);
    // The route asks the survey cache for the survey on every view; the early answer only peeks.
    const routed = jest.spyOn(t.app.get(SurveyCache), 'get');
    try {
      const first = await http().get(`/s/${token}`).expect(200);
      const calls = routed.mock.calls.length;
      expect(calls).toBeGreaterThan(0);
      const again = await http().get(`/s/${token}`).expect(200);
      // The second view came from what this process kept (KeptLinkViews): the route never ran.
      expect(routed).toHaveBeenCalledTimes(calls);
      expect(again.text).toBe(first.text);
      for (const header of ['cache-control', 'x-robots-tag', 'content-type', 'content-security-policy']) {
        expect(again.headers[header]).toBe(first.headers[header]);
      }
      expect(again.headers['cache-control']).toBe('no-store');
      expect(again.headers['x-robots-tag']).toBe('noindex');
      expect(again.headers['set-cookie']).toBeUndefined();
      // A cookie (the layout may be personal) or a notice takes the full way.
      await http().get(`/s/${token}`).set('Cookie', 'other=1').expect(200);
      expect(routed.mock.calls.length).toBeGreaterThan(calls);
      const afterCookie = routed.mock.calls.length;
      await http().get(`/s/${token}?saved=1`).expect(200);
      expect(routed.mock.calls.length).toBeGreaterThan(afterCookie);
      // An answer through the link drops what was kept: the next view shows it.
      await http()
        .post(`/s/${token}`)
        .type('form')
        .send({ held: ['i3'], action: 'save' })
        .expect(303);
      const after = await http().get(`/s/${token}`).expect(200);
      expect(after.text).toMatch(/id="held-i3" name="held" value="i3" checked/);
      expect(await responses().findById(invitationId)).toMatchObject({ status: 'partial', held: ['i3'] });
    } finally {
      routed.mockRestore();
    }
  });
});
