import { Body, Controller, Post } from '@nestjs/common';
import request from 'supertest';
import { IsInt, Max } from 'class-validator';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { PostRepository } from '@roundtable/blog';
import { RequiredText } from '@roundtable/core';
import { MemberRepository, ProfileDto, profileFrom } from '@roundtable/members';
import { DEFAULT_ACCOUNTABILITIES, ResponseRepository } from '@roundtable/surveys';
import { createTestApp, TestApp } from '../support/create-test-app';
import { buildMember, uniqueEmail } from '../support/factories';
import { profileForm } from '../support/forms';
import { buildResource } from '../support/resources';
import { signInAs, SignedIn } from '../support/sessions';
import { buildSurvey } from '../support/surveys';
import { invite, openSurvey } from '../surveys/survey-fixtures';

/**
 * Every form refuses what its DTO does not allow, naming the field: an unknown field, a wrong type
 * (a field sent twice arrives as a list) and an over-long value. Pages answer 422 with the form
 * again (the message linked from the summary and beside the field, the other values kept); JSON
 * routes answer 400 `{ statusCode, message, errors }`.
 */
interface FormCase {
  form: string;
  role: 'applicant' | 'member' | 'staff' | 'admin';
  /** The signed-in member's membership, when the form needs an entitlement. */
  membership?: { tier: string; state: string; entitlements: string[] };
  /** The form's path; may create what the form acts on (for `who`, when it must be theirs). */
  path: (t: TestApp, who: SignedIn) => Promise<string>;
  /** A body that would be accepted (a list is a repeated field). */
  valid: () => Record<string, string | string[]>;
  /** A text field, its limit, and a field whose value the page must keep. */
  text: string;
  max: number;
  kept: string;
}

/** A member whose tier lets them write guest posts. */
const GUEST_AUTHOR = { tier: 'council', state: 'active', entitlements: ['members_posts', 'guest_post'] };

const FORMS: FormCase[] = [
  {
    form: 'application',
    role: 'applicant',
    path: async () => '/apply',
    valid: () => profileForm(),
    text: 'title',
    max: 120,
    kept: 'company',
  },
  {
    form: 'profile',
    role: 'member',
    path: async () => '/portal/profile',
    valid: () => profileForm(),
    text: 'company',
    max: 120,
    kept: 'title',
  },
  {
    form: 'declining an application',
    role: 'staff',
    path: async (t) => {
      const applicant = await buildMember(t, { role: 'applicant' });
      const { name, profile } = profileFrom(Object.assign(new ProfileDto(), profileForm()));
      await t.app.get(MemberRepository).submitApplication(String(applicant._id), name, profile);
      return `/admin/applications/${String(applicant._id)}/decline`;
    },
    valid: () => ({ reason: 'We are full this quarter.', confirm: 'yes' }),
    text: 'reason',
    max: 1000,
    kept: 'reason',
  },
  {
    form: 'creating a membership tier',
    role: 'admin',
    path: async () => '/admin/tiers',
    valid: () => tierForm({ slug: 'probe-new', stripePriceId: 'price_probe_new' }),
    text: 'name',
    max: 80,
    kept: 'stripePriceId',
  },
  {
    form: 'editing a membership tier',
    role: 'admin',
    path: async (t) => {
      const slug = `probe-${++tiersMade}`;
      await t.app.get(TierRepository).create({
        slug,
        name: 'Probe',
        description: '',
        priceCents: 100,
        currency: 'usd',
        interval: 'year',
        stripePriceId: `price_${slug.replace('-', '_')}`,
        entitlements: [],
        offered: false,
      });
      return `/admin/tiers/${slug}`;
    },
    valid: () => tierForm({ stripePriceId: 'price_probe_edited' }),
    text: 'description',
    max: 500,
    kept: 'name',
  },
  {
    form: 'writing a post (staff)',
    role: 'staff',
    path: async () => '/admin/posts',
    valid: () => postForm({ action: 'save' }),
    text: 'title',
    max: 200,
    kept: 'tags',
  },
  {
    form: 'editing a post (staff)',
    role: 'staff',
    path: async (t, who) => `/admin/posts/${await probePost(t, who, 'published')}`,
    valid: () => postForm({ action: 'publish', publishAt: '2026-01-05T09:30' }),
    text: 'bodyMarkdown',
    max: 100_000,
    kept: 'publishAt',
  },
  {
    form: 'returning a guest post to its author',
    role: 'staff',
    path: async (t, who) => `/admin/posts/${await probePost(t, who, 'in_review')}/return`,
    valid: () => ({ note: 'Please add a source.' }),
    text: 'note',
    max: 2000,
    kept: 'note',
  },
  {
    form: 'writing a guest post',
    role: 'member',
    membership: GUEST_AUTHOR,
    path: async () => '/portal/posts',
    valid: () => postForm({ action: 'submit' }),
    text: 'categories',
    max: 300,
    kept: 'tags',
  },
  {
    form: 'editing a guest post',
    role: 'member',
    membership: GUEST_AUTHOR,
    path: async (t, who) => `/portal/posts/${await probePost(t, who, 'draft')}`,
    valid: () => postForm({ action: 'save' }),
    text: 'title',
    max: 200,
    kept: 'categories',
  },
  {
    form: 'adding a member quote',
    role: 'staff',
    path: async () => '/admin/site/quotes',
    valid: () => ({ quote: 'The best hour of my month.', name: 'Avery Chen', title: 'CCO' }),
    text: 'title',
    max: 120,
    kept: 'name',
  },
  {
    form: 'editing a site page',
    role: 'staff',
    path: async () => '/admin/site/pages/about',
    valid: () => ({ title: 'About Roundtable', bodyMarkdown: 'A council of Chief Customer Officers.' }),
    text: 'title',
    max: 120,
    kept: 'title',
  },
  {
    form: 'editing a library document',
    role: 'staff',
    path: async (t) => {
      const resource = await buildResource(t);
      return `/admin/resources/${String(resource._id)}`;
    },
    valid: () => ({ title: 'Probe, edited', summary: 'Still a probe.', category: 'Research', tiers: ['council'] }),
    text: 'category',
    max: 60,
    kept: 'title',
  },
  {
    form: 'defining a survey',
    role: 'staff',
    path: async (t) => {
      const survey = await buildSurvey(t, {
        title: 'Probe survey',
        intro: '',
        items: DEFAULT_ACCOUNTABILITIES.slice(0, 3).map((label, index) => ({ key: `i${index + 1}`, label })),
        profileQuestions: [],
        closesAt: null,
      });
      return `/admin/surveys/${String(survey._id)}`;
    },
    valid: () => ({
      title: 'Probe survey 2027',
      intro: 'Which are yours?',
      itemKey: ['i1', 'i2', 'i3'],
      itemLabel: DEFAULT_ACCOUNTABILITIES.slice(0, 3),
      closesAt: '2099-06-30',
      action: 'save',
    }),
    text: 'title',
    max: 150,
    kept: 'title',
  },
  {
    form: 'sending a member a new survey link',
    role: 'staff',
    path: async (t) => `/admin/surveys/${await sentSurveyInviting(t, RESEND_PROBE)}/resend`,
    valid: () => ({ email: RESEND_PROBE }),
    text: 'email',
    max: 254,
    kept: 'email',
  },
  {
    form: 'extending a survey',
    role: 'staff',
    path: async (t) => `/admin/surveys/${await openSurvey(t)}/extend`,
    valid: () => ({ closesAt: '2099-12-31' }),
    text: 'closesAt',
    max: 10,
    kept: 'closesAt',
  },
  {
    form: 'a comment',
    role: 'staff',
    path: async (t) => `/blog/${await publishedPost(t)}/comments`,
    valid: () => ({ body: 'Well said.', notifyReplies: 'on' }),
    text: 'body',
    max: 5000,
    kept: 'body',
  },
  {
    form: 'a reply (its own page)',
    role: 'staff',
    path: async (t) => `/blog/comments/${await commentOn(t, await publishedPost(t))}/reply`,
    valid: () => ({ body: 'Same here.' }),
    text: 'body',
    max: 5000,
    kept: 'body',
  },
  {
    form: 'editing a comment',
    role: 'staff',
    path: async (t, who) => {
      const slug = await publishedPost(t);
      const id = await commentOn(t, slug, who);
      return `/blog/comments/${id}/edit`;
    },
    valid: () => ({ body: 'Edited, with care.' }),
    text: 'body',
    max: 5000,
    kept: 'body',
  },
];

let postsMade = 0;

/** The address the resend rows invite (each row's survey invites it afresh). */
const RESEND_PROBE = 'resend-probe@example.test';

/** A sent, open survey to which `email` was invited; its id. */
async function sentSurveyInviting(t: TestApp, email: string): Promise<string> {
  const surveyId = await openSurvey(t);
  await invite(t, surveyId, { email });
  return surveyId;
}

/** A post editor's fields as a browser sends them. */
function postForm(fields: Record<string, string>): Record<string, string> {
  return { title: 'Probe post', bodyMarkdown: 'Probe body.', tags: 'probe', categories: 'probes', ...fields };
}

/** A post by `who` in `status`, for the forms that act on one. */
async function probePost(t: TestApp, who: SignedIn, status: 'draft' | 'in_review' | 'published'): Promise<string> {
  const post = await t.app.get(PostRepository).create({
    title: 'Probe',
    slug: `probe-${++postsMade}`,
    bodyMarkdown: 'Probe.',
    bodyHtml: '<p>Probe.</p>',
    authorId: String(who.member._id),
    authorName: who.member.name,
    guest: status === 'in_review',
    status,
    publishedAt: status === 'published' ? new Date() : null,
  });
  return String(post._id);
}

let tiersMade = 0;
let commentedPostsMade = 0;

/** A published post to comment on (its slug), written by a staff member of its own. */
async function publishedPost(t: TestApp): Promise<string> {
  const writer = await signInAs(t, { role: 'staff' });
  const title = `Commented post ${++commentedPostsMade}`;
  await writer.agent
    .post('/admin/posts')
    .type('form')
    .send({ _csrf: writer.csrfToken, title, bodyMarkdown: 'Body.', action: 'publish' })
    .expect(303);
  return `commented-post-${commentedPostsMade}`;
}

/** A comment on the post (by `who`, or by a staff member of its own), through the comment form; its id. */
async function commentOn(t: TestApp, slug: string, who?: SignedIn): Promise<string> {
  const writer = who ?? (await signInAs(t, { role: 'staff' }));
  const body = `Comment ${new Date().toISOString()} ${Math.random()}`;
  expect((await post(writer, `/blog/${slug}/comments`, [['body', body]])).status).toBe(303);
  return String((await t.connection.collection('comments').findOne({ body }))!._id);
}

/** A tier form an admin could save (the tier editor's fields). */
function tierForm(fields: Record<string, string>): Record<string, string> {
  return {
    name: 'Probe tier',
    description: 'For the probe.',
    price: '12.50',
    currency: 'USD',
    interval: 'month',
    offered: 'on',
    ...fields,
  };
}

function encode(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString();
}

/** A body's fields in order, a repeated field once per value. */
function entries(body: Record<string, string | string[]>): Array<[string, string]> {
  return Object.entries(body).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
  );
}

async function post(who: Pick<SignedIn, 'agent' | 'csrfToken'>, path: string, fields: Array<[string, string]>) {
  return who.agent
    .post(path)
    .type('form')
    .set('Accept', 'text/html')
    .send(encode([['_csrf', who.csrfToken], ...fields]));
}

function expectFieldNamed(html: string, field: string): void {
  expect(html).toContain(`href="#${field}"`);
  expect(html).toMatch(new RegExp(`id="[^"]*${field}-error"`));
}

class ProbeDto {
  @RequiredText(20, { missing: 'Please give a label.', tooLong: 'Please keep the label under 20 characters.' })
  label!: string;

  @IsInt({ message: 'The count must be a whole number.' })
  @Max(10, { message: 'The count is at most 10.' })
  count!: number;
}

/** A JSON route with a DTO, as the API's will be. */
@Controller('api/probe')
class ProbeController {
  @Post()
  accept(@Body() body: ProbeDto) {
    return { accepted: body };
  }
}

describe('Form validation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ controllers: [ProbeController] });
    await seedDefaultTiers(t.app.get(TierRepository));
  });
  afterAll(() => t.close());

  describe.each(FORMS)('the $form form', ({ role, membership, path, valid, text, max, kept }) => {
    it('shows the form again with 422 for an unknown field, naming it, values kept', async () => {
      const who = await signInAs(t, { role, membership });
      const page = await post(who, await path(t, who), [...entries(valid()), ['nickname', 'Jo']]);
      expect(page.status).toBe(422);
      // No such field on the page: the summary names it.
      expect(page.text).toContain('<a href="#nickname">There is no field named “nickname” here.</a>');
      // Kept in an input's value or as a textarea's text.
      expect(page.text).toMatch(new RegExp(`value="${String(valid()[kept])}"|>${String(valid()[kept])}</textarea>`));
    });

    it('shows the form again with 422 for a wrong type (the field sent twice), naming it', async () => {
      const who = await signInAs(t, { role, membership });
      const fields = entries(valid());
      const page = await post(who, await path(t, who), [...fields, [text, 'again']]);
      expect(page.status).toBe(422);
      expectFieldNamed(page.text, text);
    });

    it('shows the form again with 422 for an over-long value, naming it', async () => {
      const who = await signInAs(t, { role, membership });
      const fields = entries({ ...valid(), [text]: 'x'.repeat(max + 1) });
      const page = await post(who, await path(t, who), fields);
      expect(page.status).toBe(422);
      expectFieldNamed(page.text, text);
      expect(page.text).toContain('x'.repeat(max + 1));
    });

    it('accepts the valid form (the cases above fail for the reason they name)', async () => {
      const who = await signInAs(t, { role, membership });
      const answer = await post(who, await path(t, who), entries(valid()));
      expect(answer.status).toBe(303);
    });
  });

  /** Forms with only a choice (no text to overflow): unknown field and wrong type. */
  describe.each([
    { form: 'blog comment digest', path: '/admin/comments/digest', field: 'frequency', valid: 'daily' },
    { form: 'blog comment settings', path: '/admin/comments/settings', field: 'guestComments', valid: 'on' },
    { form: 'directory listing', path: '/portal/directory', field: 'listed', valid: 'yes' },
    {
      form: 'comment take-down confirmation',
      // A comment of its own for each case: the valid confirmation takes it down.
      path: async (t: TestApp) => `/admin/comments/${await commentOn(t, await publishedPost(t))}/hide`,
      field: 'confirm',
      valid: 'yes',
    },
  ])('the $form form', ({ path: pathOf, field, valid }) => {
    const path = async () => (typeof pathOf === 'string' ? pathOf : pathOf(t));
    it('shows the page again with 422 for an unknown field, naming it', async () => {
      const who = await signInAs(t, { role: 'staff' });
      const page = await post(who, await path(), [
        [field, valid],
        ['nickname', 'Jo'],
      ]);
      expect(page.status).toBe(422);
      expect(page.text).toContain('<a href="#nickname">There is no field named “nickname” here.</a>');
    });

    it('shows the page again with 422 for a wrong type (the field sent twice), naming it', async () => {
      const who = await signInAs(t, { role: 'staff' });
      const page = await post(who, await path(), [
        [field, valid],
        [field, valid],
      ]);
      expect(page.status).toBe(422);
      expect(page.text).toContain(`href="#${field}"`);
    });

    it('accepts the valid form', async () => {
      const who = await signInAs(t, { role: 'staff' });
      expect((await post(who, await path(), [[field, valid]])).status).toBe(303);
    });
  });

  /**
   * The sign-in forms, which visitors post: the address for a link (its page to return to kept), and
   * the code from the email (the address, a hidden field, kept).
   */
  describe.each([
    {
      form: 'sign-in link',
      path: '/sign-in/email',
      valid: (): Record<string, string> => ({ email: uniqueEmail('probe'), returnTo: '/portal/profile' }),
      text: 'email',
      max: 254,
      kept: 'returnTo',
    },
    {
      form: 'sign-in code',
      path: '/sign-in/code',
      valid: (): Record<string, string> => ({ email: 'probe@example.test', code: '123 456' }),
      text: 'code',
      max: 20,
      kept: 'email',
    },
  ])('the $form form', ({ form, path, valid, text, max, kept }) => {
    const visitor = async () => {
      const agent = request.agent(t.app.getHttpServer());
      const { csrfToken } = (await agent.get('/api/auth/csrf').expect(200)).body as { csrfToken: string };
      return { agent, csrfToken };
    };

    it('shows the form again with 422 for an unknown field, naming it, values kept', async () => {
      const page = await post(await visitor(), path, [...Object.entries(valid()), ['nickname', 'Jo']]);
      expect(page.status).toBe(422);
      expect(page.text).toContain('<a href="#nickname">There is no field named “nickname” here.</a>');
      expect(page.text).toContain(`value="${valid()[kept]}"`);
    });

    it('shows the form again with 422 for a wrong type (the field sent twice), naming it', async () => {
      const page = await post(await visitor(), path, [...Object.entries(valid()), [text, 'again']]);
      expect(page.status).toBe(422);
      expectFieldNamed(page.text, text);
      expect(page.text).toContain(`value="${valid()[kept]}"`);
    });

    it('shows the form again with 422 for an over-long value, naming it', async () => {
      const page = await post(await visitor(), path, Object.entries({ ...valid(), [text]: 'x'.repeat(max + 1) }));
      expect(page.status).toBe(422);
      expectFieldNamed(page.text, text);
      expect(page.text).toContain('x'.repeat(max + 1));
    });

    it('takes the well-formed form to the service (the cases above fail for the reason they name)', async () => {
      const answer = await post(await visitor(), path, Object.entries(valid()));
      if (form === 'sign-in link') {
        expect(answer.status).toBe(303);
        expect(answer.headers.location).toBe('/sign-in/check-email');
      } else {
        // No link was sent to this address: the service, not the DTO, refuses the code.
        expect(answer.status).toBe(422);
        expect(answer.text).toContain('That code is not right, or it has expired');
      }
    });
  });

  /**
   * The survey link's response form (no session: the token is the key). Its per-item fields
   * (`rank_<key>`, `profile_<key>`) are a validated map: each one named by its own field on the page.
   */
  describe('the survey response form (/s/<token>)', () => {
    const fields = (extra: Array<[string, string]> = []): Array<[string, string]> => [
      ['held', 'i1'],
      ['held', 'i3'],
      ['rank_i1', '2'],
      ['rank_i3', '1'],
      ['profile_revenueBand', '>$1B'],
      ['action', 'submit'],
      ...extra,
    ];
    const answer = async (extra: Array<[string, string]> = [], replace?: [string, string]) => {
      const surveyId = await openSurvey(t);
      const { token, invitationId } = await invite(t, surveyId);
      const sent = fields(extra).map(([name, value]): [string, string] =>
        replace && name === replace[0] ? replace : [name, value],
      );
      const page = await request(t.app.getHttpServer())
        .post(`/s/${token}`)
        .type('form')
        .set('Accept', 'text/html')
        .send(encode(sent));
      return { page, invitationId };
    };
    const nothingSaved = async (invitationId: string) =>
      expect(await t.app.get(ResponseRepository).findById(invitationId)).toBeNull();

    it('shows the form again with 422 for an unknown field, naming it, answers kept', async () => {
      const { page, invitationId } = await answer([['nickname', 'Jo']]);
      expect(page.status).toBe(422);
      expect(page.text).toContain('<a href="#nickname">There is no field named “nickname” here.</a>');
      expect(page.text).toMatch(/id="held-i3" name="held" value="i3" checked/);
      expect(page.text).toMatch(/<option value="1" selected>1<\/option>/);
      await nothingSaved(invitationId);
    });

    it('shows the form again with 422 for a wrong type (a profile answer sent twice), naming it', async () => {
      const { page, invitationId } = await answer([['profile_revenueBand', '<$100M']]);
      expect(page.status).toBe(422);
      expectFieldNamed(page.text, 'profile-revenueBand');
      await nothingSaved(invitationId);
    });

    it('shows the form again with 422 for an over-long value, naming it', async () => {
      const { page, invitationId } = await answer([], ['rank_i1', '9'.repeat(201)]);
      expect(page.status).toBe(422);
      expectFieldNamed(page.text, 'rank-i1');
      expect(page.text).toMatch(/id="held-i1" name="held" value="i1" checked/);
      await nothingSaved(invitationId);
    });

    it('accepts the valid form', async () => {
      const { page, invitationId } = await answer();
      expect(page.status).toBe(303);
      expect(await t.app.get(ResponseRepository).findById(invitationId)).toMatchObject({
        status: 'completed',
        held: ['i3', 'i1'],
      });
    });
  });

  describe('a JSON route', () => {
    let client: SignedIn;
    beforeAll(async () => {
      client = await signInAs(t, { role: 'member' });
    });
    const api = () =>
      client.agent.post('/api/probe').set('Accept', 'application/json').set('x-csrf-token', client.csrfToken);

    it('answers 400 with { statusCode, message, errors } naming each refused field', async () => {
      const answer = await api().send({ label: 'x'.repeat(21), count: 'three', extra: true });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        statusCode: 400,
        message: expect.stringContaining('label'),
        errors: {
          label: 'Please keep the label under 20 characters.',
          count: 'The count must be a whole number.',
          extra: 'There is no field named “extra” here.',
        },
      });
    });

    it('accepts a valid body', async () => {
      const answer = await api().send({ label: ' tidy ', count: 3 });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ accepted: { label: 'tidy', count: 3 } });
    });
  });
});
