import { SNAPSHOT_HTML_KEPT, SnapshotHtml, type SnapshotSectionInputs } from './snapshot-html';

const round = { round: 1, date: '3 December 2026', segments: 'tier: executive', emailed: 16 };
const inputs = (fields: Partial<SnapshotSectionInputs> = {}): SnapshotSectionInputs => ({
  surveyId: 's1',
  version: 1,
  segment: undefined,
  published: null,
  skewRounds: [],
  ...fields,
});
/** The section's model as ReportPages gives it, reduced to what these tests look at. */
const page = (section: SnapshotSectionInputs) => ({
  survey: { id: section.surveyId },
  snapshot: { version: section.version, options: { min_cell: 5 } },
  published: section.published,
  respondents: 8,
  skew: [{ label: 'Revenue', skewed: false, rows: [] }],
  skewRounds: section.skewRounds,
});

describe(SnapshotHtml.name, () => {
  it('templates a snapshot section once and gives the same HTML to the views after', () => {
    const sections = new SnapshotHtml();
    const context = jest.fn(() => page(inputs()));
    const first = sections.html(inputs(), context);
    expect(first).toContain('Snapshot 1');
    expect(first).toContain('<dt>Respondents</dt><dd>8</dd>');
    expect(first).toContain('href="/admin/reports/s1/tables/ranking.csv"');
    expect(sections.html(inputs(), context)).toBe(first);
    expect(context).toHaveBeenCalledTimes(1);
  });

  it('renders again for a new snapshot version, a publication, an unpublication and a new skew round', () => {
    const sections = new SnapshotHtml();
    const show = (section: SnapshotSectionInputs) => sections.html(section, () => page(section));
    expect(show(inputs())).not.toContain('Published version');
    expect(show(inputs({ published: 1 }))).toContain('Published version: 1.');
    expect(show(inputs({ version: 2, published: 1 }))).toContain('Snapshot 2');
    expect(show(inputs({ version: 2, published: null }))).not.toContain('Published version');
    const withRound = show(inputs({ version: 2, skewRounds: [round] }));
    expect(withRound).toContain('Round 1, 3 December 2026: tier: executive (emailed up to 16');
    expect(show(inputs({ version: 2, skewRounds: [round, { ...round, round: 2 }] }))).toContain('Round 2');
  });

  it('keeps each segment tab of a snapshot apart, and holds at most its maximum of renderings', () => {
    const sections = new SnapshotHtml();
    const context = jest.fn(() => page(inputs()));
    sections.html(inputs({ segment: 'tier' }), context);
    sections.html(inputs({ segment: 'region' }), context);
    expect(context).toHaveBeenCalledTimes(2);
    for (let k = 0; k < SNAPSHOT_HTML_KEPT * 2; k++) {
      sections.html(inputs({ segment: `flood-${k}` }), context);
    }
    expect(sections.size).toBe(SNAPSHOT_HTML_KEPT);
  });
});
