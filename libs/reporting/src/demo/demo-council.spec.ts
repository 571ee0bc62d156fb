import { computeRanking } from '@roundtable/rankings';
import { DEFAULT_ACCOUNTABILITIES } from '@roundtable/surveys';
import { DEMO_COUNCIL_SIZE, DEMO_RESPONDENTS, demoCouncil } from './demo-council';

describe('demoCouncil', () => {
  const council = demoCouncil();
  const items = [...DEFAULT_ACCOUNTABILITIES];
  const result = computeRanking({
    items,
    responses: council
      .filter((m) => m.held)
      .map((m) => ({ held: (m.held ?? []).map((f) => items[f]), profile: m.profile })),
    invited: council.map((m) => ({ profile: m.profile })),
  });

  it('is about 450 members of whom 60% answered, the same every time', () => {
    expect(council).toHaveLength(DEMO_COUNCIL_SIZE);
    expect(result.respondents).toBe(DEMO_RESPONDENTS);
    expect(result.response_rate?.rate).toBe(0.6);
    expect(demoCouncil()).toEqual(council);
  });

  it('ranks the seven accountabilities of docs/research.md first, in order', () => {
    expect(result.items.slice(0, 7).map((i) => i.item)).toEqual(items.slice(0, 7));
  });

  it('shows the two reported skews: toward >$1B revenue and toward B2B', () => {
    const skew = Object.fromEntries((result.skew ?? []).map((s) => [s.attribute, s]));
    expect(skew.revenueBand).toMatchObject({ skewed: true, toward: '>$1B' });
    expect(skew.businessModel).toMatchObject({ skewed: true, toward: 'B2B' });
  });
});
