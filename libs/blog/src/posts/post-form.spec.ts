import { parseUtc, validatePostForm } from './post-form';

describe(validatePostForm.name, () => {
  it('renders the Markdown, derives the slug and excerpt, and normalises labels', () => {
    const form = validatePostForm(
      {
        title: 'Voice of the Customer',
        bodyMarkdown: 'Listen **first**.\r\n\r\nThen act.',
        tags: 'VoC, Research, voc',
      },
      { staff: true },
    );
    expect(form.errors).toEqual({});
    expect(form.fields).toMatchObject({
      slug: 'voice-of-the-customer',
      bodyHtml: '<p>Listen <strong>first</strong>.</p>\n<p>Then act.</p>\n',
      excerpt: 'Listen first. Then act.',
      tags: ['voc', 'research'],
      visibility: 'public',
      tiers: [],
      coverImageUrl: null,
    });
  });

  it('names every problem and keeps the values as typed', () => {
    const form = validatePostForm(
      {
        title: ' ',
        bodyMarkdown: 'Kept',
        slug: 'Not OK',
        coverImageUrl: 'javascript:alert(1)',
        visibility: 'tiers',
        tiers: '',
        publishAt: 'someday',
      },
      { staff: true },
    );
    expect(form.fields).toBeUndefined();
    expect(Object.keys(form.errors).sort()).toEqual(['coverImageUrl', 'publishAt', 'slug', 'tiers', 'title']);
    expect(form.values.bodyMarkdown).toBe('Kept');
  });

  it('keeps tier slugs only for tier visibility, and ignores a publication time from guest authors', () => {
    const tiers = validatePostForm(
      {
        title: 'T',
        bodyMarkdown: 'B',
        visibility: 'tiers',
        tiers: 'Executive, council',
        publishAt: '2030-01-01T09:00',
      },
      { staff: false },
    );
    expect(tiers.fields?.tiers).toEqual(['executive', 'council']);
    expect(tiers.publishAt).toBeNull();
    const members = validatePostForm(
      { title: 'T', bodyMarkdown: 'B', visibility: 'members', tiers: 'x' },
      { staff: true },
    );
    expect(members.fields?.tiers).toEqual([]);
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
