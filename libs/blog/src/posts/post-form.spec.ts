import { checkBody } from '@roundtable/core';
import { GuestPostDto, StaffPostDto } from './post.dto';
import { formValuesOf, postFieldsFrom } from './post-form';
import { parseUtc } from './publish-time';

describe(StaffPostDto.name, () => {
  it('names every field it refuses, with the message shown beside it', async () => {
    const { errors } = await checkBody(StaffPostDto, {
      title: ' ',
      bodyMarkdown: 'Kept',
      slug: 'Not OK',
      coverImageUrl: 'javascript:alert(1)',
      visibility: 'friends',
      publishAt: 'someday',
      action: 'delete',
    });
    expect(errors).toEqual({
      title: 'Please give the post a title.',
      slug: 'Use lower-case letters, digits and hyphens only, like “seven-accountabilities”.',
      coverImageUrl: 'The cover image must be an http or https address.',
      visibility: 'Choose public, members or specific tiers.',
      publishAt: 'Give the publication time as a date and time.',
      action: 'Choose to save the draft, send it to review or publish it.',
    });
  });

  it('refuses over-long values rather than cutting them', async () => {
    const { errors } = await checkBody(StaffPostDto, {
      title: 'x'.repeat(201),
      bodyMarkdown: 'B',
      excerpt: 'e'.repeat(301),
    });
    expect(Object.keys(errors).sort()).toEqual(['excerpt', 'title']);
  });

  it('takes a slug in any case and stores it lower-case', async () => {
    const { value, errors } = await checkBody(StaffPostDto, { title: 'T', bodyMarkdown: 'B', slug: ' Old-Name ' });
    expect(errors).toEqual({});
    expect(value.slug).toBe('old-name');
  });
});

describe(GuestPostDto.name, () => {
  it('has no publication time and no publish button', async () => {
    const { errors } = await checkBody(GuestPostDto, {
      title: 'T',
      bodyMarkdown: 'B',
      publishAt: '2030-01-01T09:00',
      action: 'publish',
    });
    expect(errors).toEqual({
      publishAt: 'There is no field named “publishAt” here.',
      action: 'Choose to save the draft or to submit it for review.',
    });
  });
});

describe(postFieldsFrom.name, () => {
  const form = async (body: object, type: typeof GuestPostDto | typeof StaffPostDto = StaffPostDto) => {
    const checked = await checkBody(type, body);
    expect(checked.errors).toEqual({});
    return checked.value;
  };

  it('renders the Markdown, derives the slug and excerpt, and normalises labels', async () => {
    const result = postFieldsFrom(
      await form({
        title: 'Voice of the Customer',
        bodyMarkdown: 'Listen **first**.\r\n\r\nThen act.',
        tags: 'VoC, Research, voc',
      }),
    );
    expect(result).toMatchObject({
      publishAt: null,
      fields: {
        slug: 'voice-of-the-customer',
        bodyHtml: '<p>Listen <strong>first</strong>.</p>\n<p>Then act.</p>\n',
        excerpt: 'Listen first. Then act.',
        tags: ['voc', 'research'],
        visibility: 'public',
        tiers: [],
        coverImageUrl: null,
      },
    });
  });

  it('asks for a tier when the post is for specific tiers, and keeps tiers only then', async () => {
    expect(postFieldsFrom(await form({ title: 'T', bodyMarkdown: 'B', visibility: 'tiers' }))).toEqual({
      errors: { tiers: 'Name at least one tier (its slug, e.g. executive).' },
    });
    const tiers = postFieldsFrom(
      await form({ title: 'T', bodyMarkdown: 'B', visibility: 'tiers', tiers: 'Executive, council' }),
    );
    expect('fields' in tiers && tiers.fields.tiers).toEqual(['executive', 'council']);
    const members = postFieldsFrom(await form({ title: 'T', bodyMarkdown: 'B', visibility: 'members', tiers: 'x' }));
    expect('fields' in members && members.fields.tiers).toEqual([]);
  });

  it('reads staff’s publication time as UTC', async () => {
    const result = postFieldsFrom(await form({ title: 'T', bodyMarkdown: 'B', publishAt: '2030-01-01T09:00' }));
    expect('publishAt' in result && result.publishAt?.toISOString()).toBe('2030-01-01T09:00:00.000Z');
  });

  it('removes control characters, which would break the feed', async () => {
    const result = postFieldsFrom(await form({ title: 'Bell\u0007 title', bodyMarkdown: 'Body\u0000.' }, GuestPostDto));
    expect('fields' in result && [result.fields.title, result.fields.bodyMarkdown]).toEqual(['Bell title', 'Body.']);
  });

  it('gives back the values as typed for the form', async () => {
    expect(formValuesOf(await form({ title: 'T', bodyMarkdown: 'B', tags: 'a, b' }, GuestPostDto))).toMatchObject({
      title: 'T',
      tags: 'a, b',
      visibility: 'public',
      publishAt: '',
    });
  });
});

describe(parseUtc.name, () => {
  it('reads a zone-less form time as UTC, and keeps an explicit zone', () => {
    expect(parseUtc('2026-12-01T09:30').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(parseUtc('2026-12-01T09:30:15').toISOString()).toBe('2026-12-01T09:30:15.000Z');
    expect(parseUtc('2026-12-01T09:30+02:00').toISOString()).toBe('2026-12-01T07:30:00.000Z');
    expect(Number.isNaN(parseUtc('tomorrow').getTime())).toBe(true);
  });
});
