import { looseAnswer, readResponseForm as readAnswer, responseFormValues } from './response-form';

/** The form's fields as the browser sends them, grouped as ResponseAnswerDto holds them. */
const readResponseForm = (
  survey: Parameters<typeof readAnswer>[0],
  body: Record<string, unknown>,
  mode: 'partial' | 'complete',
) => readAnswer(survey, looseAnswer(body), mode);

const survey = {
  items: [
    { key: 'i1', label: 'Customer strategy' },
    { key: 'i2', label: 'Customer-centric tactics' },
    { key: 'i3', label: 'Building customer relationships' },
    { key: 'i4', label: 'Understanding customer needs' },
  ],
  profileQuestions: ['revenueBand'],
};

describe('readResponseForm', () => {
  it('completes with the held items in priority order', () => {
    const result = readResponseForm(
      survey,
      { held: ['i1', 'i3', 'i4'], rank_i1: '2', rank_i3: '3', rank_i4: '1', rank_i2: '', profile_revenueBand: '>$1B' },
      'complete',
    );
    expect(result).toMatchObject({
      ok: true,
      answers: { held: ['i4', 'i1', 'i3'], ranked: 3, profile: { revenueBand: '>$1B' } },
    });
  });

  it('accepts holding none of the items when the person ticks “None of these are mine”', () => {
    const result = readResponseForm(survey, { none: 'yes', profile_revenueBand: '<$100M' }, 'complete');
    expect(result).toMatchObject({ ok: true, answers: { held: [], ranked: 0 } });
  });

  it('refuses a submit that holds nothing unless “None of these are mine” is ticked', () => {
    const result = readResponseForm(survey, { profile_revenueBand: '<$100M' }, 'complete');
    expect(!result.ok && result.errors).toEqual({
      held: 'Please tick the functions that are yours, or tick “None of these are mine” if you hold none of them.',
    });
    // A save for later may hold nothing yet.
    expect(readResponseForm(survey, {}, 'partial')).toMatchObject({ ok: true, answers: { held: [] } });
  });

  it('refuses “None of these are mine” beside ticked items, in both modes', () => {
    for (const mode of ['partial', 'complete'] as const) {
      const result = readResponseForm(survey, { none: 'yes', held: ['i2'], rank_i2: '1' }, mode);
      expect(!result.ok && result.errors.held).toBe(
        'You ticked “None of these are mine” and also some functions: untick one or the other.',
      );
      expect(result.values).toMatchObject({ held: ['i2'], none: true });
    }
  });

  it('refuses a ranking that repeats a priority or omits a held item, naming the items', () => {
    const repeated = readResponseForm(
      survey,
      { held: ['i1', 'i2'], rank_i1: '1', rank_i2: '1', profile_revenueBand: '>$1B' },
      'complete',
    );
    expect(!repeated.ok && repeated.errors).toEqual({
      'rank-i2':
        '“Customer-centric tactics” has the same priority (1) as “Customer strategy”: give each item a different priority.',
    });
    const omitted = readResponseForm(
      survey,
      { held: ['i1', 'i2'], rank_i1: '1', profile_revenueBand: '>$1B' },
      'complete',
    );
    expect(!omitted.ok && omitted.errors).toEqual({
      'rank-i2': 'Please give “Customer-centric tactics” a priority from 1 to 2.',
    });
  });

  it('refuses priorities out of range, on items not ticked, and answers not offered', () => {
    const result = readResponseForm(
      survey,
      { held: ['i1'], rank_i1: '3', rank_i2: '1', rank_i3: 'first', profile_revenueBand: '$5' },
      'complete',
    );
    expect(!result.ok && result.errors).toEqual({
      'rank-i1': '“Customer strategy” has priority 3, but you hold 1 item: use 1 to 1, each once.',
      'rank-i2':
        'You gave “Customer-centric tactics” a priority but did not tick it as yours: tick it or clear its priority.',
      'rank-i3': 'The priority of “Building customer relationships” must be a number from 1 to 1.',
      'profile-revenueBand': 'Please choose one of the listed answers to “Your company’s annual revenue”.',
    });
  });

  it('refuses an item key that is not in the survey (a tampered form), in both modes', () => {
    for (const mode of ['partial', 'complete'] as const) {
      const result = readResponseForm(survey, { held: ['i1', 'i99'], rank_i1: '1' }, mode);
      expect(!result.ok && result.errors.held).toMatch(/not in this survey/);
    }
  });

  it('saves a partial answer as it stands: ranked items first, then the rest, answers optional', () => {
    const result = readResponseForm(survey, { held: ['i1', 'i2', 'i3'], rank_i3: '1', rank_i2: '1' }, 'partial');
    expect(result).toMatchObject({ ok: true, answers: { held: ['i2', 'i3', 'i1'], ranked: 2, profile: {} } });
  });
});

describe('responseFormValues', () => {
  it('shows a saved response with its ranked prefix and prefills profile answers not given yet', () => {
    expect(
      responseFormValues(survey, { held: ['i3', 'i1', 'i2'], ranked: 2, profile: {} }, { revenueBand: '>$1B' }),
    ).toEqual({
      held: ['i1', 'i2', 'i3'],
      none: false,
      ranks: { i3: '1', i1: '2' },
      profile: { revenueBand: '>$1B' },
    });
    expect(responseFormValues(survey, null, {})).toEqual({
      held: [],
      none: false,
      ranks: {},
      profile: { revenueBand: '' },
    });
  });

  it('shows “None of these are mine” ticked for a completed response that holds nothing, not for a draft', () => {
    const saved = { held: [], ranked: 0, profile: {} };
    expect(responseFormValues(survey, { ...saved, status: 'completed' }, {}).none).toBe(true);
    expect(responseFormValues(survey, { ...saved, status: 'partial' }, {}).none).toBe(false);
  });
});
