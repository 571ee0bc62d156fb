import { createHash } from 'node:crypto';
import type { AppendOptions } from 'form-data';
import request from 'supertest';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { ShardedCounters } from '@roundtable/counters';
import { LegacyDownloadCounts, ResourceDownloadStats } from '@roundtable/resources';
import { createTestApp, TestApp } from '../support/create-test-app';
import { docxOf, executable, pdfOf, xlsxOf } from '../support/documents';
import { writeLegacyDownloadCounts } from '../support/resources';
import { SignedIn, signInAs } from '../support/sessions';

const ACTIVE = (tier: string) => ({ tier, state: 'active', entitlements: ['members_posts', 'comment'] });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Reads a binary response body as bytes. */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('The resource library', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    // A 1 MB limit, so an oversized file is small enough to send quickly.
    t = await createTestApp({ env: { RESOURCES_MAX_UPLOAD_MB: '1' } });
    await seedDefaultTiers(t.app.get(TierRepository));
    staff = await signInAs(t, { role: 'staff', name: 'Sam Staff' });
  });
  afterAll(() => t.close());

  const storedFiles = () => t.connection.collection('resource_files.files').countDocuments();
  const storedResources = () => t.connection.collection('resources').countDocuments();

  function upload(fields: Record<string, string | string[]>, file?: { name: string; bytes: Buffer }) {
    let req = staff.agent
      .post(`/admin/resources?_csrf=${encodeURIComponent(staff.csrfToken)}`)
      .set('Accept', 'text/html');
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        req = req.field(name, item);
      }
    }
    if (!file) {
      return req;
    }
    // `filepath` sends the name with its path segments (`filename` would keep only the last one).
    // superagent hands these options to form-data's append; its own types declare only two of them.
    const options: AppendOptions = { filepath: file.name, contentType: 'application/octet-stream' };
    return req.attach('file', file.bytes, options);
  }

  const describedAs = {
    title: 'The Chief Customer Officer job description',
    summary: 'What the role owns, to whom it reports, and how its success is measured.',
    category: 'Role definition',
  };

  it('stores an uploaded document, lists it, and streams it byte-identical to an entitled member', async () => {
    const document = docxOf('The Chief Customer Officer is accountable for the total customer relationship.');
    await upload(
      { ...describedAs, tiers: ['council', 'executive'] },
      { name: 'CCO job description.docx', bytes: document },
    )
      .expect(303)
      .expect('Location', '/admin/resources');

    const library = await request(t.app.getHttpServer()).get('/resources').expect(200);
    expect(library.text).toContain('The Chief Customer Officer job description');
    expect(library.text).toContain('What the role owns, to whom it reports');
    expect(library.text).toContain('href="/join"');
    const id = /href="\/resources\/([a-f0-9]{24})"/.exec(library.text)![1];
    // Visitors see title and summary, and no download link.
    expect(library.text).not.toContain(`/resources/${id}/download`);

    const member = await signInAs(t, { role: 'member', membership: ACTIVE('council') });
    expect((await member.agent.get('/resources').expect(200)).text).toContain(`/resources/${id}/download`);
    const download = await member.agent.get(`/resources/${id}/download`).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="CCO job description.docx"; filename*=UTF-8''CCO%20job%20description.docx`,
    );
    expect(Number(download.headers['content-length'])).toBe(document.length);
    expect(sha256(download.body as Buffer)).toBe(sha256(document));

    // Downloads are counted per resource and tier; staff downloads count as staff.
    await member.agent.get(`/resources/${id}/download`).buffer(true).parse(binary).expect(200);
    await staff.agent.get(`/resources/${id}/download`).buffer(true).parse(binary).expect(200);
    expect(await t.app.get(ResourceDownloadStats).byResourceAndTier()).toEqual([
      {
        resourceId: id,
        title: describedAs.title,
        total: 3,
        byTier: [
          { tier: 'council', count: 2 },
          { tier: 'staff', count: 1 },
        ],
      },
    ]);
    const admin = await staff.agent.get('/admin/resources').expect(200);
    expect(admin.text).toMatch(/<strong>3<\/strong>\s*<ul class="plain"><li>council: 2<\/li><li>staff: 1<\/li><\/ul>/);
  });

  it('counts every one of many simultaneous downloads, from two app processes at once', async () => {
    const bytes = pdfOf('Counting downloads');
    const added = await upload(
      {
        title: 'Counted at once',
        summary: 'Downloaded by many at the same moment.',
        category: 'Research',
        tiers: 'council',
      },
      { name: 'counted.pdf', bytes },
    ).expect(303);
    expect(added.headers.location).toBe('/admin/resources');
    const resource = await t.connection.collection('resources').findOne({ title: 'Counted at once' });
    const id = String(resource?._id);
    // A second API process on the same database: its downloads go to counter documents of its own.
    const second = await createTestApp({
      env: { RESOURCES_MAX_UPLOAD_MB: '1', MONGODB_URI: `${process.env.TEST_MONGODB_URI}${t.databaseName}` },
    });
    try {
      const here = await signInAs(t, { role: 'member', membership: ACTIVE('council') });
      const there = await signInAs(second, { role: 'member', membership: ACTIVE('council') });
      await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          (n % 2 ? there : here).agent.get(`/resources/${id}/download`).buffer(true).parse(binary).expect(200),
        ),
      );
    } finally {
      await second.app.close(); // not close(): that drops the database both apps share
    }
    const counted = (await t.app.get(ResourceDownloadStats).byResourceAndTier()).find((row) => row.resourceId === id);
    expect(counted?.total).toBe(40);
  });

  it('carries downloads counted before the shared counters over once, however many processes start at once', async () => {
    const id = '0123456789abcdef0123abcd';
    await writeLegacyDownloadCounts(t, [
      { resourceId: id, tier: 'council', process: 'old-host:1', count: 5 },
      { resourceId: id, tier: 'council', process: 'old-host:2', count: 2 },
      { resourceId: id, tier: 'staff', process: 'old-host:1', count: 1 },
    ]);
    const legacy = t.app.get(LegacyDownloadCounts);
    // Three processes starting at once: the one whose drop removes the old counters adds them.
    const folded = await Promise.allSettled([legacy.fold(), legacy.fold(), legacy.fold()]);
    expect(folded.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const carried = folded.map((result) => (result.status === 'fulfilled' ? result.value : 0));
    expect(carried.sort()).toEqual([0, 0, 8]);
    expect(await legacy.fold()).toBe(0);
    expect(await t.app.get(ShardedCounters).read('resource-downloads')).toMatchObject({
      [`${id}|council`]: 7,
      [`${id}|staff`]: 1,
    });
  });

  it('refuses the download with a 403 page, not a 500, to a visitor and to a member of another tier', async () => {
    const bytes = pdfOf('Classifying chief customer officers');
    await upload(
      {
        title: 'Classifying chief customer officers',
        summary: 'The three CCO models.',
        category: 'Research',
        tiers: 'executive',
      },
      { name: 'classifying.pdf', bytes },
    ).expect(303);
    const page = await request(t.app.getHttpServer()).get('/resources').expect(200);
    const id = new RegExp(`href="/resources/([a-f0-9]{24})">Classifying`).exec(page.text)![1];

    const visitor = await request(t.app.getHttpServer())
      .get(`/resources/${id}/download`)
      .set('Accept', 'text/html')
      .expect(403);
    expect(visitor.headers['content-type']).toMatch(/^text\/html/);
    expect(visitor.text).toContain('This document is for members of the council.');
    expect(visitor.text).toContain('href="/join"');
    expect(visitor.text).not.toContain('%PDF');

    const associate = await signInAs(t, { role: 'member', membership: ACTIVE('associate') });
    const refused = await associate.agent.get(`/resources/${id}/download`).set('Accept', 'text/html').expect(403);
    expect(refused.text).toContain('Your membership tier does not include this document.');
    const lapsed = await signInAs(t, {
      role: 'member',
      membership: { tier: 'executive', state: 'lapsed', entitlements: [] },
    });
    await lapsed.agent.get(`/resources/${id}/download`).set('Accept', 'text/html').expect(403);

    const executive = await signInAs(t, { role: 'member', membership: ACTIVE('executive') });
    const ok = await executive.agent.get(`/resources/${id}/download`).buffer(true).parse(binary).expect(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect((ok.body as Buffer).equals(bytes)).toBe(true);
  });

  it.each([
    [
      'an oversized file',
      { name: 'big.pdf', bytes: pdfOf('big', 1024 * 1024 + 10) },
      'The file is larger than the limit of 1 MB.',
    ],
    [
      'an executable renamed .pdf',
      { name: 'report.pdf', bytes: executable() },
      'The file’s name says PDF, but its content is not a PDF',
    ],
    [
      'a path-traversal name',
      { name: '../../etc/cron.d/evil.pdf', bytes: pdfOf('x') },
      'The file name must be a plain name',
    ],
    [
      'a Windows path-traversal name',
      { name: '..\\..\\evil.pdf', bytes: pdfOf('x') },
      'The file name must be a plain name',
    ],
    [
      'a name with a right-to-left override (shown as “reportfdp.pdf” reversed)',
      { name: 'report\u202Efdp.pdf', bytes: pdfOf('x') },
      'The file name must not contain control characters or hidden text-direction marks',
    ],
    [
      'a name with a control character',
      { name: 'report\u0085.pdf', bytes: pdfOf('x') },
      'The file name must not contain control characters or hidden text-direction marks',
    ],
    [
      'a Word file named .xlsx',
      { name: 'numbers.xlsx', bytes: docxOf('x') },
      'The file’s name says Excel (XLSX), but its content is Word (DOCX)',
    ],
  ])('refuses %s with a clear message, keeps the form, and stores nothing', async (_label, file, message) => {
    const [files, resources] = [await storedFiles(), await storedResources()];
    const res = await upload({ ...describedAs, title: 'Refused upload', tiers: 'council' }, file).expect(422);
    expect(res.text).toContain(message);
    expect(res.text).toContain('aria-describedby="file-hint file-error"');
    expect(res.text).toContain('value="Refused upload"');
    expect([await storedFiles(), await storedResources()]).toEqual([files, resources]);
  });

  it('keeps a file name with accents as typed (multipart names are UTF-8), in the list and the download', async () => {
    await upload(
      { ...describedAs, title: 'Résumé of the role', tiers: 'council' },
      { name: 'Résumé – Zoë.pdf', bytes: pdfOf('accents') },
    ).expect(303);
    const stored = await t.connection.collection('resources').findOne({ title: 'Résumé of the role' });
    expect(stored?.fileName).toBe('Résumé – Zoë.pdf');
    const member = await signInAs(t, { role: 'member', membership: ACTIVE('council') });
    const download = await member.agent
      .get(`/resources/${String(stored?._id)}/download`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Résumé – Zoë.pdf')}`,
    );
  });

  it('refuses a form without a title or tiers and stores nothing, and an XLSX goes in fine', async () => {
    const files = await storedFiles();
    const res = await upload({ summary: 'S', category: 'C' }, { name: 'model.xlsx', bytes: xlsxOf() }).expect(422);
    expect(res.text).toContain('Please give the document a title.');
    expect(res.text).toContain('Please choose at least one tier whose members may download it.');
    expect(await storedFiles()).toBe(files);
    await upload(
      { title: 'Benchmark model', summary: 'S', category: 'Tools', tiers: 'council' },
      { name: 'model.xlsx', bytes: xlsxOf() },
    ).expect(303);
    expect(await storedFiles()).toBe(files + 1);
  });

  it('refuses an upload whose fields the form does not have, or too long, naming the field and keeping the rest', async () => {
    const files = await storedFiles();
    const unknown = await upload(
      { ...describedAs, tiers: ['council', 'executive'], nickname: 'Jo' },
      { name: 'extra.pdf', bytes: pdfOf('x') },
    ).expect(422);
    expect(unknown.text).toContain('<a href="#nickname">There is no field named “nickname” here.</a>');
    expect(unknown.text).toContain(`value="${describedAs.title}"`);
    // The ticked tiers come back ticked.
    expect(unknown.text).toMatch(/value="council" checked/);
    expect(unknown.text).toMatch(/value="executive" checked/);
    const long = await upload(
      { ...describedAs, category: 'c'.repeat(61), tiers: 'council' },
      { name: 'long.pdf', bytes: pdfOf('x') },
    ).expect(422);
    expect(long.text).toContain('<a href="#category">Please keep the category to 60 characters or fewer.</a>');
    expect(long.text).toContain('aria-describedby="category-error"');
    expect(await storedFiles()).toBe(files);
  });

  it('refuses an upload without the CSRF token, and keeps members and visitors out of the staff page', async () => {
    await staff.agent.post('/admin/resources').attach('file', pdfOf('x'), 'x.pdf').field('title', 'x').expect(403);
    const member = await signInAs(t, { role: 'member', membership: ACTIVE('council') });
    await member.agent
      .post(`/admin/resources?_csrf=${encodeURIComponent(member.csrfToken)}`)
      .attach('file', pdfOf('x'), 'x.pdf')
      .expect(403);
    await member.agent.get('/admin/resources').set('Accept', 'text/html').expect(403);
  });

  it('lets staff change who may download a resource, which takes effect at once', async () => {
    await upload(
      { title: 'Tier test', summary: 'S', category: 'Tools', tiers: 'executive' },
      { name: 'tier-test.pdf', bytes: pdfOf('tiers') },
    ).expect(303);
    const page = await staff.agent.get('/admin/resources').expect(200);
    const id = /href="\/resources\/([a-f0-9]{24})">Tier test/.exec(page.text)![1];
    const associate = await signInAs(t, { role: 'member', membership: ACTIVE('associate') });
    await associate.agent.get(`/resources/${id}/download`).set('Accept', 'text/html').expect(403);

    const refused = await staff.agent
      .post(`/admin/resources/${id}`)
      .type('form')
      .send({ _csrf: staff.csrfToken, title: 'Tier test', summary: 'S', category: 'Tools' })
      .expect(422);
    expect(refused.text).toContain('Please choose at least one tier whose members may download it.');
    await staff.agent
      .post(`/admin/resources/${id}`)
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Tier test, renamed',
        summary: 'S',
        category: 'Tools',
        tiers: ['associate', 'executive'],
      })
      .expect(303)
      .expect('Location', '/admin/resources');
    expect((await staff.agent.get(`/admin/resources/${id}/edit`).expect(200)).text).toContain(
      'value="Tier test, renamed"',
    );
    await associate.agent.get(`/resources/${id}/download`).buffer(true).parse(binary).expect(200);
    const member = await signInAs(t, { role: 'member', membership: ACTIVE('council') });
    await member.agent
      .post(`/admin/resources/${id}`)
      .type('form')
      .send({ _csrf: member.csrfToken, title: 'x', summary: 'x', category: 'x', tiers: 'council' })
      .expect(403);
  });

  it('lets a post link a resource, and deletes a resource with its bytes', async () => {
    await upload(
      { title: 'To be deleted', summary: 'S', category: 'Old', tiers: 'council' },
      { name: 'old.pdf', bytes: pdfOf('old') },
    ).expect(303);
    const page = await staff.agent.get('/admin/resources').expect(200);
    const id = /href="\/resources\/([a-f0-9]{24})">To be deleted/.exec(page.text)![1];
    expect(page.text).toContain(`<code>[To be deleted](/resources/${id})</code>`);

    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Our new library',
        bodyMarkdown: `Read [To be deleted](/resources/${id}).`,
        excerpt: 'x',
        visibility: 'public',
        action: 'publish',
      })
      .expect(303);
    const post = await request(t.app.getHttpServer()).get('/blog/our-new-library').expect(200);
    expect(post.text).toContain(`href="/resources/${id}"`);

    const files = await storedFiles();
    await staff.agent.post(`/admin/resources/${id}/delete`).type('form').send({ _csrf: staff.csrfToken }).expect(303);
    expect(await storedFiles()).toBe(files - 1);
    await request(t.app.getHttpServer()).get(`/resources/${id}`).set('Accept', 'text/html').expect(404);
    await request(t.app.getHttpServer()).get(`/resources/${id}/download`).set('Accept', 'text/html').expect(404);
  });
});
