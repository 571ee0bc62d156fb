import { SurveyRepository } from '@roundtable/surveys';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';

/** An exchange file with these items (and one response holding the first two). */
function exchangeFile(items: string[], title = 'Accountabilities 2027'): string {
  return JSON.stringify({
    survey: { title, profile_attributes: ['revenueBand'] },
    items,
    responses: [{ id: 'r1', held: items.slice(0, 2), profile: {} }],
  });
}

/**
 * The report import makes a draft survey by exactly the survey editor's rules (one check for both),
 * says every problem of a refused file at once, reads a file that starts with a byte-order mark, and
 * stores nothing it refuses.
 */
describe('Importing an exchange file as a draft survey', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signInAs(t, { role: 'staff' });
  });
  afterAll(() => t.close());

  const surveys = () => t.connection.collection('surveys').countDocuments();
  const importFile = (text: string | Buffer, name = 'responses.json') =>
    staff.agent
      .post(`/admin/reports/import?_csrf=${staff.csrfToken}`)
      .set('Accept', 'text/html')
      .attach('file', Buffer.isBuffer(text) ? text : Buffer.from(text), name);

  it('refuses a file not named .json beside the field, and stores nothing', async () => {
    const before = await surveys();
    const refused = await importFile(exchangeFile(['Tactics', 'Metrics']), 'responses.csv').expect(422);
    expect(refused.text).toContain('Please upload a JSON file whose name ends in .json.');
    expect(await surveys()).toBe(before);
  });

  it('refuses a 1 MB title and 50 labels of 100 KB, naming every problem at once, and stores nothing', async () => {
    const before = await surveys();
    const labels = Array.from({ length: 50 }, (_, k) => `${k}`.padEnd(100_000, 'x'));
    const refused = await importFile(exchangeFile(labels, 'T'.repeat(1_000_000))).expect(422);
    expect(refused.text).toContain('The file was not imported');
    expect(refused.text).toContain('Please keep the title under 150 characters.');
    expect(refused.text).toContain('A survey can have at most 40 items.');
    expect(refused.text).toContain('Item 1: Please keep each item under 200 characters.');
    expect(refused.text).toContain('Item 41: Please keep each item under 200 characters.');
    expect(refused.text.length).toBeLessThan(100_000);
    expect(await surveys()).toBe(before);
  });

  it('trims labels led by tabs and line breaks as the editor does, and refuses control characters inside one', async () => {
    const inside = await importFile(
      exchangeFile(['\tTactics', '\r\nExperience', 'Met\nrics', 'Strat\u0007egy']),
    ).expect(422);
    expect(inside.text).toContain('Item 3: Please remove line breaks, tabs and other control characters');
    expect(inside.text).toContain('Item 4: Please remove line breaks, tabs and other control characters');

    const led = await importFile(exchangeFile(['\tTactics', '\r\nExperience', 'Metrics\n'])).expect(303);
    const id = /\/admin\/surveys\/([0-9a-f]{24})/.exec(led.headers.location as string)![1];
    const draft = await t.app.get(SurveyRepository).findById(id);
    expect(draft?.items.map((item) => item.label)).toEqual(['Tactics', 'Experience', 'Metrics']);
  });

  it('refuses what the editor refuses: a repeated item, a single item', async () => {
    const repeated = await importFile(exchangeFile(['Tactics', 'tactics', 'Metrics'])).expect(422);
    expect(repeated.text).toContain('Item 2 repeats item 1; each item must be different.');
    const single = await importFile(
      JSON.stringify({ items: ['Tactics'], responses: [{ id: 'r1', held: ['Tactics'], profile: {} }] }),
    ).expect(422);
    expect(single.text).toContain('A survey needs at least two items to rank.');
  });

  it('reads a file that starts with a UTF-8 byte-order mark', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exchangeFile(['Tactics', 'Metrics']))]);
    const imported = await importFile(withBom).expect(303);
    expect(imported.headers.location).toMatch(/^\/admin\/surveys\/[0-9a-f]{24}$/);
  });
});
