import { checkBody } from '@roundtable/core';
import { GuestPostDto, StaffPostDto } from './post.dto';
import { editorPage, excerptByHand, formValuesOf, postFieldsFrom, postFormValues } from './post-form';
import { previewArticle } from './post-preview';
import { Post } from './post.schema';

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

describe(excerptByHand.name, () => {
  const bodyHtml = '<p>The first lines.</p>';

  it('follows the stored flag', () => {
    expect(excerptByHand({ excerpt: 'The first lines.', bodyHtml, excerptByHand: true })).toBe(true);
    expect(excerptByHand({ excerpt: 'Anything', bodyHtml, excerptByHand: false })).toBe(false);
  });

  it('tells, for a post saved before the flag, by an excerpt other than the first lines', () => {
    expect(excerptByHand({ excerpt: 'The first lines.', bodyHtml })).toBe(false);
    expect(excerptByHand({ excerpt: 'A summary staff wrote.', bodyHtml })).toBe(true);
  });

  it('puts only a hand-written excerpt in the form, and offers the first lines beside the empty field', () => {
    const post = { ...storedPost(), excerpt: 'The first lines.', bodyHtml, excerptByHand: false };
    expect(postFormValues(post).excerpt).toBe('');
    expect(editorPage('/admin/posts', post).autoExcerpt).toBe('The first lines.');
    const written = { ...post, excerpt: 'By hand.', excerptByHand: true };
    expect(postFormValues(written).excerpt).toBe('By hand.');
    expect(editorPage('/admin/posts', written).autoExcerpt).toBeNull();
  });
});

describe(previewArticle.name, () => {
  it('shows the fields as the post page would, with the byline and the date in words', () => {
    const article = previewArticle(
      {
        title: 'T',
        slug: 't',
        tags: ['a'],
        categories: ['c'],
        excerpt: 'E',
        coverImageUrl: null,
        visibility: 'public',
      },
      { authorId: 'm1', authorName: 'Gia Guest', guest: true },
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(article).toMatchObject({ title: 'T', authorName: 'Gia Guest', guest: true, date: '22 November 2026' });
  });
});

function storedPost(): Post & { _id: string } {
  return {
    _id: 'p1',
    title: 'Stored',
    slug: 'stored',
    previousSlugs: [],
    bodyMarkdown: 'The first lines.',
    bodyHtml: '',
    excerpt: '',
    coverImageUrl: null,
    authorId: 'm1',
    authorName: 'Sam Staff',
    guest: false,
    tags: [],
    categories: [],
    searchTerms: [],
    status: 'draft',
    visibility: 'public',
    tiers: [],
    publishedAt: null,
    reviewNote: null,
    notifyAuthor: true,
    unsubscribeToken: 'x',
    reportId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  } as Post & { _id: string };
}
