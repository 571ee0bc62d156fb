import { nextItemKey, problemsBeforeSending, readSurveyForm } from './survey-form';

const now = new Date('2026-11-23T10:00:00Z');
const body = (overrides: Record<string, unknown> = {}) => ({
  title: '  Accountabilities 2027 ',
  intro: 'Which functions are yours?',
  itemKey: ['i1', 'i2', 'i3'],
  itemLabel: ['Customer strategy', 'Customer-centric tactics', 'Building customer relationships'],
  newItem: '',
  profileQuestions: ['revenueBand', 'businessModel'],
  tiers: 'council',
  revenue: ['>$1B'],
  opensAt: '2026-12-01',
  closesAt: '2026-12-31',
  reminder1: '2026-12-15',
  reminder2: '',
  reminder3: '',
  action: 'save',
  ...overrides,
});

describe('readSurveyForm', () => {
  it('reads a complete form into the fields to save', () => {
    const result = readSurveyForm(body(), ['council', 'executive'], now);
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.fields).toEqual({
      title: 'Accountabilities 2027',
      intro: 'Which functions are yours?',
      items: [
        { key: 'i1', label: 'Customer strategy' },
        { key: 'i2', label: 'Customer-centric tactics' },
        { key: 'i3', label: 'Building customer relationships' },
      ],
      profileQuestions: ['revenueBand', 'businessModel'],
      audience: { tiers: ['council'], filters: { revenue: ['>$1B'] } },
      opensAt: new Date('2026-12-01T00:00:00Z'),
      closesAt: new Date('2026-12-31T23:59:59.999Z'),
      reminders: [new Date('2026-12-15T09:00:00Z')],
    });
  });

  it('moves an item up or down and removes one, keeping keys with their labels', () => {
    const up = readSurveyForm(body({ action: 'up:2' }), ['council'], now);
    expect(up.ok && up.fields.items.map((item) => item.key)).toEqual(['i1', 'i3', 'i2']);
    expect(up.ok && up.anchor).toBe('item-1');
    const down = readSurveyForm(body({ action: 'down:0' }), ['council'], now);
    expect(down.ok && down.fields.items.map((item) => item.key)).toEqual(['i2', 'i1', 'i3']);
    const removed = readSurveyForm(body({ action: 'remove:1' }), ['council'], now);
    expect(removed.ok && removed.fields.items.map((item) => item.key)).toEqual(['i1', 'i3']);
  });

  it('adds the new item with a fresh key, from its button or from saving', () => {
    for (const action of ['add', 'save']) {
      const result = readSurveyForm(body({ action, newItem: 'Customer strategy 2' }), ['council'], now);
      expect(result.ok && result.fields.items[3]).toEqual({ key: 'i4', label: 'Customer strategy 2' });
    }
    expect(
      nextItemKey([
        { key: 'i9', label: 'a' },
        { key: 'i2', label: 'b' },
      ]),
    ).toBe('i10');
  });

  it('names each problem beside its field and keeps what was typed', () => {
    const result = readSurveyForm(
      body({
        title: '',
        itemLabel: ['Customer strategy', ' customer STRATEGY', ''],
        tiers: ['gold'],
        industry: ['Mining'],
        profileQuestions: ['salary'],
        closesAt: '2026-11-01',
        reminder1: '',
        reminder2: '2026-02-30',
      }),
      ['council'],
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors).toEqual({
      title: 'Please give the survey a title.',
      'item-1': 'Item 2 repeats item 1; each item must be different.',
      'item-2': 'Item 3 is empty: type its text or remove it.',
      tiers: 'Please choose tiers from the list.',
      'filter-industry': 'Please choose values from the list.',
      profileQuestions: 'Please choose profile questions from the list.',
      closesAt: 'The close date has passed; please choose a later one.',
      reminder2: 'Please enter the reminder date as a date, like 2026-03-20.',
    });
    expect(result.values.items[1].label).toBe('customer STRATEGY');
  });

  it('refuses reminders outside the open period and a close before the open', () => {
    const result = readSurveyForm(
      body({ opensAt: '2026-12-10', closesAt: '2026-12-05', reminder1: '2026-12-05', reminder2: '2026-12-10' }),
      ['council'],
      now,
    );
    expect(!result.ok && result.errors).toEqual({
      closesAt: 'The survey must close on or after the day it opens.',
      reminder1: 'A reminder must go after the day the survey opens.',
      reminder2: 'A reminder must go before the survey closes.',
    });
  });

  it('refuses an item list whose keys were tampered with', () => {
    const result = readSurveyForm(body({ itemKey: ['i1', 'i1', 'x'] }), ['council'], now);
    expect(!result.ok && result.errors.items).toMatch(/did not come back as sent/);
  });
});

describe('problemsBeforeSending', () => {
  it('asks for a close date in the future and two items', () => {
    const fields = readSurveyForm(body(), ['council'], now);
    if (!fields.ok) {
      throw new Error('form should be valid');
    }
    expect(problemsBeforeSending(fields.fields, now)).toEqual([]);
    expect(problemsBeforeSending({ ...fields.fields, closesAt: null, items: [] }, now)).toEqual([
      'It needs at least two items.',
      'It needs a close date.',
    ]);
  });
});
