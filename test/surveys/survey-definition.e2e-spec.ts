import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { MemberRepository } from '@roundtable/members';
import { DEFAULT_ACCOUNTABILITIES, SurveyRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember } from '../support/factories';
import { signInAs, SignedIn } from '../support/sessions';
import { profileForm } from '../support/forms';

/** The survey's form as the edit page sends it, from the stored survey, with overrides. */
async function formOf(t: TestApp, id: string, overrides: Record<string, unknown> = {}) {
  const survey = (await t.app.get(SurveyRepository).findById(id))!;
  return {
    title: survey.title,
    intro: survey.intro,
    itemKey: survey.items.map((item) => item.key),
    itemLabel: survey.items.map((item) => item.label),
    newItem: '',
    profileQuestions: survey.profileQuestions,
    closesAt: '2099-06-30',
    action: 'save',
    ...overrides,
  };
}

describe('Survey definition pages (staff)', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDefaultTiers(t.app.get(TierRepository));
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  async function newSurvey(): Promise<string> {
    const created = await staff.agent.post('/admin/surveys').type('form').send({ _csrf: staff.csrfToken });
    expect(created.status).toBe(303);
    return /\/admin\/surveys\/([a-f0-9]{24})$/.exec(created.headers.location)![1];
  }

  it('keeps members and visitors out', async () => {
    const member = await signInAs(t);
    expect((await member.agent.get('/admin/surveys')).status).toBe(403);
    expect((await member.agent.post('/admin/surveys').type('form').send({ _csrf: member.csrfToken })).status).toBe(403);
  });

  it('creates a draft prefilled with the 16 accountabilities and lists it', async () => {
    const id = await newSurvey();
    const page = await staff.agent.get(`/admin/surveys/${id}`);
    expect(page.status).toBe(200);
    for (const label of DEFAULT_ACCOUNTABILITIES) {
      expect(page.text).toContain(`value="${label.replace(/\(/g, '(')}"`);
    }
    expect(page.text).toContain('Before it can be sent: It needs a close date.');
    const list = await staff.agent.get('/admin/surveys');
    expect(list.text).toContain(`/admin/surveys/${id}`);
  });

  it('reorders, removes and adds items with plain buttons, and saves the definition', async () => {
    const id = await newSurvey();
    const up = await staff.agent
      .post(`/admin/surveys/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken, ...(await formOf(t, id, { action: 'up:4' })) });
    expect(up.status).toBe(303);
    expect(up.headers.location).toBe(`/admin/surveys/${id}#item-3`);
    // A late image request of the previous page (as a browser sends it) leaves the message for the page.
    await staff.agent.get('/favicon.ico').set('Sec-Fetch-Dest', 'image');
    await staff.agent.get('/assets/missing.png').set('Sec-Fetch-Dest', 'image');
    expect((await staff.agent.get(`/admin/surveys/${id}`).set('Sec-Fetch-Dest', 'document')).text).toContain(
      '<p class="notice flash" role="status">Saved.</p>',
    );
    let survey = (await t.app.get(SurveyRepository).findById(id))!;
    expect(survey.items.slice(3, 5).map((item) => item.label)).toEqual([
      'Customer strategy',
      'Customer-centric culture (or the evolution to it)',
    ]);
    expect(survey.closesAt?.toISOString()).toBe('2099-06-30T23:59:59.999Z');

    await staff.agent
      .post(`/admin/surveys/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken, ...(await formOf(t, id, { action: 'remove:15' })) })
      .expect(303);
    await staff.agent
      .post(`/admin/surveys/${id}`)
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        ...(await formOf(t, id, { action: 'add', newItem: 'Customer data governance', tiers: ['council'] })),
        revenue: ['>$1B'],
        reminder1: '2099-06-20',
      })
      .expect(303);
    survey = (await t.app.get(SurveyRepository).findById(id))!;
    expect(survey.items).toHaveLength(16);
    expect(survey.items[15]).toEqual({ key: 'i16', label: 'Customer data governance' });
    expect(survey.audience).toEqual({ tiers: ['council'], filters: { revenue: ['>$1B'] } });
    expect(survey.reminders.map((at) => at.toISOString())).toEqual(['2099-06-20T09:00:00.000Z']);
  });

  it('shows each problem beside its field with a summary linking to it, and saves nothing', async () => {
    const id = await newSurvey();
    const before = await t.app.get(SurveyRepository).findById(id);
    const labels = [...DEFAULT_ACCOUNTABILITIES];
    labels[2] = labels[0];
    const response = await staff.agent
      .post(`/admin/surveys/${id}`)
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        ...(await formOf(t, id, { title: '', itemLabel: labels, closesAt: '2001-01-01' })),
      });
    expect(response.status).toBe(422);
    expect(response.text).toContain('<a href="#title">Please give the survey a title.</a>');
    expect(response.text).toContain('<a href="#items.2.label">Item 3 repeats item 1; each item must be different.</a>');
    expect(response.text).toContain(
      'id="items.2.label" name="itemLabel" value="Customer-centric tactics" maxlength="200" aria-invalid="true" aria-describedby="items.2.label-error"',
    );
    expect(response.text).toContain('The close date has passed');
    expect(await t.app.get(SurveyRepository).findById(id)).toEqual(before);
  });

  it('counts the members an audience reaches before sending', async () => {
    const members = t.app.get(MemberRepository);
    const make = async (tier: string, entitlements: string[], revenueBand: string) => {
      const member = await buildMember(t, { membership: { tier, state: 'active', entitlements } });
      const profile = profileForm({ revenueBand });
      await members.updateProfile(String(member._id), member.name, {
        ...profile,
        boardMember: false,
        yearsInRole: 3,
      } as never);
    };
    await make('council', ['take_surveys'], '>$1B');
    await make('council', ['take_surveys'], '<$100M');
    await make('executive', ['take_surveys'], '>$1B');
    await make('associate', ['comment'], '>$1B');
    const id = await newSurvey();
    const everyone = await staff.agent.get(`/admin/surveys/${id}`);
    expect(everyone.text).toMatch(/<strong>3<\/strong> members match the saved audience: All active members\./);
    await staff.agent
      .post(`/admin/surveys/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken, ...(await formOf(t, id, { tiers: 'council' })), revenue: '>$1B' })
      .expect(303);
    const narrowed = await staff.agent.get(`/admin/surveys/${id}`);
    expect(narrowed.text).toMatch(
      /<strong>1<\/strong> member match the saved audience: Active members with tier Council Member, revenue &gt;\$1B\./,
    );
  });

  it('locks a sent survey and duplicates it as a new draft for next year', async () => {
    const id = await newSurvey();
    await t.app.get(SurveyRepository).markSent(id);
    const page = await staff.agent.get(`/admin/surveys/${id}`);
    expect(page.text).toContain('its questions are locked');
    expect(page.text).toContain(`href="/admin/surveys/${id}/progress"`);
    expect(page.text).not.toContain('name="itemLabel"');
    const refused = await staff.agent
      .post(`/admin/surveys/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken, ...(await formOf(t, id, { title: 'Changed after sending' })) });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('its questions are locked. Duplicate it to make a changed copy.');
    expect((await t.app.get(SurveyRepository).findById(id))?.title).not.toBe('Changed after sending');

    const copied = await staff.agent
      .post(`/admin/surveys/${id}/duplicate`)
      .type('form')
      .send({ _csrf: staff.csrfToken });
    expect(copied.status).toBe(303);
    const copyId = /([a-f0-9]{24})$/.exec(copied.headers.location)![1];
    const [original, copy] = await Promise.all([id, copyId].map((sid) => t.app.get(SurveyRepository).findById(sid)));
    expect(copy).toMatchObject({ status: 'draft', sentAt: null, closesAt: null, items: original!.items });
    expect(String(copy!.copiedFrom)).toBe(id);
    expect((await staff.agent.get(copied.headers.location)).text).toContain('name="itemLabel"');
  });

  it('answers an unknown survey with a clear 404', async () => {
    const response = await staff.agent.get('/admin/surveys/0123456789abcdef01234567');
    expect(response.status).toBe(404);
    expect(response.text).toContain('There is no survey at this address.');
  });
});
