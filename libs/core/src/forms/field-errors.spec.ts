import { fieldErrorsFrom, formValuesFrom } from './field-errors';

describe(fieldErrorsFrom.name, () => {
  it('gives one message per field, an unknown field or a wrong type before other rules', () => {
    expect(
      fieldErrorsFrom([
        { property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' }, children: [] },
        { property: 'count', constraints: { max: 'at most 10', isInt: 'a whole number' }, children: [] },
        { property: 'title', constraints: { maxLength: 'too long' }, children: [] },
      ]),
    ).toEqual({ extra: 'There is no field named “extra” here.', count: 'a whole number', title: 'too long' });
  });

  it('names nested fields by their path', () => {
    expect(
      fieldErrorsFrom([
        {
          property: 'audience',
          children: [{ property: 'tiers', constraints: { isArray: 'a list' }, children: [] }],
        },
      ]),
    ).toEqual({ 'audience.tiers': 'a list' });
  });
});

describe(formValuesFrom.name, () => {
  it('keeps text and lists of text as typed, empties what a field cannot hold, and drops the CSRF token', () => {
    expect(
      formValuesFrom({
        title: ' CCO ',
        tags: ['a', 'b'],
        count: 3,
        _csrf: 'secret',
        nested: { a: 1 },
        objects: [{ a: 1 }],
      }),
    ).toEqual({ title: ' CCO ', tags: ['a', 'b'], count: '3', nested: '', objects: '' });
    expect(formValuesFrom(undefined)).toEqual({});
  });
});
