import { checkBody } from '@roundtable/core';
import { SurveyDefinitionDto } from './survey-definition.dto';
import { editorValues, nextItemKey, problemsBeforeSending, readSurveyForm } from './survey-form';

const now = new Date('2026-11-23T10:00:00Z');
const submitted = (overrides: Record<string, unknown> = {}) => ({
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

/** The form as the DTO passes it on (the pipe's transform); fails the test if the DTO refuses it. */
async function body(overrides: Record<string, unknown> = {}): Promise<SurveyDefinitionDto> {
  const { value, errors } = await checkBody(SurveyDefinitionDto, submitted(overrides));
  expect(errors).toEqual({});
  return value;
}

describe(SurveyDefinitionDto.name, () => {
  it('refuses what no form sends: an over-long title or item, a choice not listed, a malformed date or key', async () => {
    const { errors } = await checkBody(
      SurveyDefinitionDto,
      submitted({
        title: 't'.repeat(151),
        itemKey: ['i1', 'i2', 'x'],
        itemLabel: ['Customer strategy', 'c'.repeat(201), 'Building customer relationships'],
        industry: ['Mining'],
        profileQuestions: ['salary'],
        reminder1: 'next week',
        action: 'explode',
        nickname: 'Jo',
      }),
    );
    expect(errors).toEqual({
      title: 'Please keep the title under 150 characters.',
      'items.1.label': 'Please keep each item under 200 characters.',
      'items.2.key': 'The item list did not come back as sent. Please reload the page and make the change again.',
      industry: 'Please choose values from the list.',
      profileQuestions: 'Please choose profile questions from the list.',
      reminder1: 'Please enter the reminder date as a date, like 2026-03-20.',
      action: 'That button is not one this form has.',
      nickname: 'There is no field named “nickname” here.',
    });
  });
});

describe('readSurveyForm', () => {
  it('reads a complete form into the fields to save', async () => {
    const result = readSurveyForm(await body(), ['council', 'executive'], now);
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

  it('moves an item up or down and removes one, keeping keys with their labels', async () => {
    const up = readSurveyForm(await body({ action: 'up:2' }), ['council'], now);
    expect(up.ok && up.fields.items.map((item) => item.key)).toEqual(['i1', 'i3', 'i2']);
    expect(up.ok && up.anchor).toBe('item-1');
    const down = readSurveyForm(await body({ action: 'down:0' }), ['council'], now);
    expect(down.ok && down.fields.items.map((item) => item.key)).toEqual(['i2', 'i1', 'i3']);
    const removed = readSurveyForm(await body({ action: 'remove:1' }), ['council'], now);
    expect(removed.ok && removed.fields.items.map((item) => item.key)).toEqual(['i1', 'i3']);
  });

  it('adds the new item with a fresh key, from its button or from saving', async () => {
    for (const action of ['add', 'save']) {
      const result = readSurveyForm(await body({ action, newItem: 'Customer strategy 2' }), ['council'], now);
      expect(result.ok && result.fields.items[3]).toEqual({ key: 'i4', label: 'Customer strategy 2' });
    }
    expect(
      nextItemKey([
        { key: 'i9', label: 'a' },
        { key: 'i2', label: 'b' },
      ]),
    ).toBe('i10');
  });

  it('names each problem beside its field and keeps what was typed, in the shape the form sends it', async () => {
    const result = readSurveyForm(
      await body({
        title: '',
        itemLabel: ['Customer strategy', ' customer STRATEGY', ''],
        tiers: ['gold'],
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
      'items.1.label': 'Item 2 repeats item 1; each item must be different.',
      'items.2.label': 'Item 3 is empty: type its text or remove it.',
      tiers: 'Please choose tiers from the list.',
      closesAt: 'The close date has passed; please choose a later one.',
      reminder2: 'Please enter the reminder date as a date, like 2026-03-20.',
    });
    expect(result.values.items[1].label).toBe('customer STRATEGY');
    expect(editorValues(result.values)).toMatchObject({
      itemKey: ['i1', 'i2', 'i3'],
      itemLabel: ['Customer strategy', 'customer STRATEGY', ''],
      tiers: ['gold'],
      revenue: ['>$1B'],
      reminder1: '',
      reminder2: '2026-02-30',
    });
  });

  it('refuses reminders outside the open period and a close before the open', async () => {
    const result = readSurveyForm(
      await body({ opensAt: '2026-12-10', closesAt: '2026-12-05', reminder1: '2026-12-05', reminder2: '2026-12-10' }),
      ['council'],
      now,
    );
    expect(!result.ok && result.errors).toEqual({
      closesAt: 'The survey must close on or after the day it opens.',
      reminder1: 'A reminder must go after the day the survey opens.',
      reminder2: 'A reminder must go before the survey closes.',
    });
  });

  it('refuses an item list whose keys were repeated', async () => {
    const result = readSurveyForm(await body({ itemKey: ['i1', 'i1', 'i3'] }), ['council'], now);
    expect(!result.ok && result.errors.items).toMatch(/did not come back as sent/);
  });
});

describe('problemsBeforeSending', () => {
  it('asks for a close date in the future and two items', async () => {
    const fields = readSurveyForm(await body(), ['council'], now);
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
