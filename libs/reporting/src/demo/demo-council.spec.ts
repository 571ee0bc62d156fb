import { computeRanking } from '@roundtable/rankings';
import { DEFAULT_ACCOUNTABILITIES } from '@roundtable/surveys';
import { computeTrends } from '../trends/wave-trends';
import {
  DEMO_COUNCIL_SIZE,
  DEMO_RESPONDENTS,
  demoCouncil,
  SECOND_WAVE_PATTERN,
  SECOND_WAVE_SEED,
} from './demo-council';

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

describe('the demo second wave', () => {
  const items = DEFAULT_ACCOUNTABILITIES.map((label, f) => ({ key: `i${f + 1}`, label }));
  const answers = (council: ReturnType<typeof demoCouncil>) =>
    council.filter((m) => m.held).map((m) => (m.held ?? []).map((f) => `i${f + 1}`));
  const trends = computeTrends(
    [
      { surveyId: 'first', title: 'First', items, held: answers(demoCouncil()) },
      {
        surveyId: 'second',
        title: 'Second',
        items,
        held: answers(demoCouncil(SECOND_WAVE_SEED, items.length, SECOND_WAVE_PATTERN)),
      },
    ],
    { seed: 42, resamples: 1000 },
  );
  const byLabel = new Map(trends.pairs[0].items.map((item) => [item.label, item]));

  it('has one item that clearly rose and one that clearly fell', () => {
    expect(byLabel.get(DEFAULT_ACCOUNTABILITIES[7])?.movement).toBe('rose');
    expect(byLabel.get(DEFAULT_ACCOUNTABILITIES[2])?.movement).toBe('fell');
  });

  it('moves the other fourteen items within noise, bar at most one by chance at the 95% level', () => {
    const others = trends.pairs[0].items.filter((item) => item.key !== 'i8' && item.key !== 'i3');
    expect(others).toHaveLength(14);
    expect(others.filter((item) => item.movement !== 'no clear change').length).toBeLessThanOrEqual(1);
  });
});
