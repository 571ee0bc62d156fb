import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/create-test-app';
import { launchBrowser } from '../support/browser';
import { signInAs, SignedIn } from '../support/sessions';

// A form feed, a vertical tab, NUL, an escape and a C1 control: none is allowed in XML 1.0 text.
/** Control characters a form may carry; NUL is refused at the door instead (the database cannot store it). */
const CONTROLS = '\u000c\u000b\u001b\u0085';

describe('Feeds stay well-formed XML when a post carries control characters', () => {
  let t: TestApp;
  let staff: SignedIn;
  let browser: Browser;

  /** Parses with the browser's own XML parser (strict XML 1.0); returns the parser's complaint, if any. */
  async function parseXml(xml: string): Promise<{ error: string | null; titles: string[]; terms: string[] }> {
    const page = await browser.newPage();
    try {
      return await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        return {
          error: error ? (error.textContent ?? 'parser error') : null,
          titles: [...doc.getElementsByTagName('title')].map((node) => node.textContent ?? ''),
          terms: [...doc.getElementsByTagName('category')].map((node) => node.getAttribute('term') ?? ''),
        };
      }, xml);
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff', name: 'Feed Writer' });
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('removes them at save, and /feed.xml and /sitemap.xml parse', async () => {
    await staff.agent
      .post('/admin/posts')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: `Bell${CONTROLS} curve`,
        slug: 'bell-curve',
        excerpt: `An excerpt${CONTROLS} here`,
        tags: `ret${CONTROLS}ention, growth`,
        bodyMarkdown: `Body${CONTROLS} text.\n\nSecond paragraph.`,
        action: 'publish',
      })
      .expect(303);
    const stored = await t.connection.collection('posts').findOne({ slug: 'bell-curve' });
    expect(stored).toMatchObject({ title: 'Bell curve', excerpt: 'An excerpt here', tags: ['retention', 'growth'] });
    expect(stored?.bodyMarkdown).toBe('Body text.\n\nSecond paragraph.');

    const feed = await request(t.app.getHttpServer()).get('/feed.xml').expect(200);
    const parsedFeed = await parseXml(feed.text);
    expect(parsedFeed.error).toBeNull();
    expect(parsedFeed.titles).toContain('Bell curve');
    expect(parsedFeed.terms).toEqual(['retention', 'growth']);

    const map = await request(t.app.getHttpServer()).get('/sitemap.xml').expect(200);
    expect((await parseXml(map.text)).error).toBeNull();
    expect(map.text).toContain('/blog/bell-curve');
  });

  it('refuses a post carrying NUL with a 400 that says so, and saves nothing', async () => {
    const refused = await staff.agent
      .post('/admin/posts')
      .set('Accept', 'application/json')
      .type('form')
      .send({
        _csrf: staff.csrfToken,
        title: 'Nul\u0000 post',
        slug: 'nul-post',
        bodyMarkdown: 'Body.',
        action: 'save',
      })
      .expect(400);
    expect(refused.body.message).toMatch(/NUL|null character/i);
    expect(await t.connection.collection('posts').countDocuments({ slug: 'nul-post' })).toBe(0);
  });

  it('the parser used here does reject a control character (the check can fail)', async () => {
    const parsed = await parseXml(`<?xml version="1.0"?><feed><title>a\u000cb</title></feed>`);
    expect(parsed.error).not.toBeNull();
  });
});
