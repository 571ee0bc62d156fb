import { normaliseProfileValue } from './profile-values';
import { SurveyExchangeBuilder } from './survey-exchange';

const survey = {
  title: 'Accountabilities',
  items: [
    { key: 'a', label: 'Tactics' },
    { key: 'b', label: 'Strategy' },
  ],
  profileQuestions: ['revenueBand', 'boardMember'],
};

describe(SurveyExchangeBuilder.name, () => {
  it('builds the exchange document: labels for keys, anonymous ids, profiles from answers then the invitation', () => {
    const builder = new SurveyExchangeBuilder(survey, normaliseProfileValue);
    builder.addInvitation({
      _id: 's:m1',
      profile: { revenueBand: '>$1B', boardMember: true },
      tier: 'council',
      status: 'sent',
    });
    builder.addInvitation({ _id: 's:m2', profile: { revenueBand: '<$100M' }, tier: 'exec', status: 'sent' });
    builder.addInvitation({ _id: 's:m3', profile: {}, tier: null, status: 'bounced' });
    builder.addResponse({
      _id: 's:m1',
      held: ['b', 'zz', 'b', 'a'],
      profile: { revenueBand: '$100M–$1B' },
      status: 'completed',
      completedAt: new Date('2026-03-02T10:00:00Z'),
    });
    builder.addResponse({ _id: 's:m2', held: ['a'], profile: {}, status: 'partial' });
    const { doc, counts, progress, unknownKeys } = builder.build();
    expect(doc.items).toEqual(['Tactics', 'Strategy']);
    // The respondent's own answer wins; the board seat comes from the invitation, as the form's option.
    expect(doc.responses).toEqual([
      {
        id: 'r1',
        held: ['Strategy', 'Tactics'],
        profile: { revenueBand: '$100M–$1B', boardMember: 'Yes', tier: 'council' },
      },
    ]);
    // The bounced invitation is not eligible: counted, not in the base.
    expect(doc.invited).toEqual([
      { profile: { revenueBand: '>$1B', boardMember: 'Yes', tier: 'council' } },
      { profile: { revenueBand: '<$100M', tier: 'exec' } },
    ]);
    expect(counts).toEqual({ invited: 3, bounced: 1, partial: 1 });
    expect(progress).toEqual([{ date: '2026-03-02', completed: 1 }]);
    expect(unknownKeys).toBe(1);
  });

  it('counts completions per day, cumulatively', () => {
    const builder = new SurveyExchangeBuilder(survey, normaliseProfileValue);
    const days = ['2026-03-03T09:00:00Z', '2026-03-01T23:59:00Z', '2026-03-03T01:00:00Z'];
    days.forEach((day, k) =>
      builder.addResponse({ _id: `s:m${k}`, held: [], status: 'completed', completedAt: new Date(day) }),
    );
    expect(builder.build().progress).toEqual([
      { date: '2026-03-01', completed: 1 },
      { date: '2026-03-03', completed: 3 },
    ]);
  });
});

describe('normaliseProfileValue', () => {
  it('keeps answer options, maps raw profile values to options and drops what it cannot read', () => {
    expect(normaliseProfileValue('revenueBand', '>$1B')).toBe('>$1B');
    expect(normaliseProfileValue('revenueBand', 'a lot')).toBeUndefined();
    expect(normaliseProfileValue('boardMember', false)).toBe('No');
    expect(normaliseProfileValue('yearsInRole', 4)).toBe('3–5');
    expect(normaliseProfileValue('tier', 'council')).toBe('council');
    expect(normaliseProfileValue('tier', '')).toBeUndefined();
  });
});
