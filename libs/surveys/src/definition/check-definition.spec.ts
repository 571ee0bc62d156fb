import { checkBody } from '@roundtable/core';
import { checkSurveyDefinition } from './check-definition';
import { SurveyDefinitionDto } from './survey-definition.dto';

const now = new Date('2026-11-23T10:00:00Z');
const definition = (overrides: Record<string, string | string[]> = {}) => ({
  title: 'Accountabilities 2027',
  intro: '',
  itemKey: ['i1', 'i2', 'i3'],
  itemLabel: ['Customer strategy', 'Customer tactics', 'Metrics'],
  ...overrides,
});

describe('checkSurveyDefinition', () => {
  it('gives the fields the editor would save', async () => {
    const checked = await checkSurveyDefinition(
      definition({ itemLabel: [' Customer strategy', '\tTactics', 'Metrics\r\n'] }),
      [],
      now,
    );
    expect(checked).toEqual({
      ok: true,
      fields: expect.objectContaining({
        title: 'Accountabilities 2027',
        items: [
          { key: 'i1', label: 'Customer strategy' },
          { key: 'i2', label: 'Tactics' },
          { key: 'i3', label: 'Metrics' },
        ],
      }) as object,
    });
  });

  it('names every problem at once: the DTO’s and the form rules’', async () => {
    const checked = await checkSurveyDefinition(
      definition({ title: 'T'.repeat(151), itemLabel: ['x'.repeat(201), 'Metrics', 'metrics'] }),
      [],
      now,
    );
    const problems = checked.ok ? [] : checked.problems;
    expect(problems.sort()).toEqual([
      'Item 1: Please keep each item under 200 characters.',
      'Item 3 repeats item 2; each item must be different.',
      'Please keep the title under 150 characters.',
    ]);
  });
});

describe('SurveyDefinitionDto', () => {
  it('refuses control characters inside a title or an item, in the editor as in an import', async () => {
    const { errors } = await checkBody(SurveyDefinitionDto, definition({ title: 'A\tB', itemLabel: ['a', 'b\nc'] }));
    expect(errors).toEqual({
      title: 'Please remove line breaks, tabs and other control characters from the title.',
      'items.1.label': 'Please remove line breaks, tabs and other control characters from each item.',
    });
  });
});
