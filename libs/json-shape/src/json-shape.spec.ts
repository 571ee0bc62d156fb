import { describeJson, fieldOf, JsonShape } from './json-shape';

class SampleFormatError extends Error {}

const shape = new JsonShape(SampleFormatError);

function problem(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(SampleFormatError);
    return (error as Error).message;
  }
  throw new Error('the value was accepted');
}

describe(JsonShape.name, () => {
  it('returns what it accepts, typed and unchanged', () => {
    const profile = { revenue: '>$1B' };
    expect(shape.object(profile, 'x')).toBe(profile);
    expect(shape.array([1], 'x', 'numbers')).toEqual([1]);
    expect(shape.string('', 'x')).toBe('');
    expect(shape.nonEmptyString(' a ', 'x')).toBe(' a ');
    expect(shape.wholeNumber(0, 'x', 0, 3)).toBe(0);
    expect(shape.wholeNumber(3, 'x', 0, 3)).toBe(3);
    expect(shape.stringMap(profile, 'x', 'profile')).toBe(profile);
    expect(shape.parseText('{"a": [1]}')).toEqual({ a: [1] });
    expect(() => shape.allowOnly({ a: 1 }, ['a', 'b'], 'x')).not.toThrow();
  });

  it('names the place, what was expected and what the file held, as the format’s own error', () => {
    const where = 'tenures[2] (id "t9")';
    expect(problem(() => shape.object([], 'the document'))).toBe('the document must be an object (got an array)');
    expect(problem(() => shape.array('a', '"items"', 'item names'))).toBe(
      '"items" must be an array of item names (got the string "a")',
    );
    expect(problem(() => shape.nonEmptyString('  ', fieldOf(where, 'person')))).toBe(
      'tenures[2] (id "t9"): "person" must be a non-empty string (got the string "  ")',
    );
    expect(problem(() => shape.string(7, fieldOf(where, 'title')))).toBe(
      'tenures[2] (id "t9"): "title" must be a string (got number 7)',
    );
    expect(problem(() => shape.stringMap({ tier: true }, where, 'profile'))).toBe(
      'tenures[2] (id "t9"): profile attribute "tier" must be a string (got boolean true)',
    );
    expect(problem(() => shape.stringMap(null, where, 'profile'))).toBe(
      'tenures[2] (id "t9"): "profile" must be an object (got null)',
    );
    expect(problem(() => shape.allowOnly({ id: 1, ned: 2 }, ['id', 'end'], where))).toBe(
      'tenures[2] (id "t9"): unknown field "ned" (expected "id", "end")',
    );
  });

  it('checks whole numbers against their range, with or without an upper bound', () => {
    expect(problem(() => shape.wholeNumber(1.5, 'options.resamples', 0, 10))).toBe(
      'options.resamples must be a whole number from 0 to 10 (got number 1.5)',
    );
    expect(problem(() => shape.wholeNumber(11, 'o', 0, 10))).toMatch(/from 0 to 10/);
    expect(problem(() => shape.wholeNumber(0, 'options.min_cell', 1))).toBe(
      'options.min_cell must be a whole number of at least 1 (got number 0)',
    );
    expect(problem(() => shape.wholeNumber(2 ** 60, 'o', 1))).toMatch(/of at least 1/);
    expect(problem(() => shape.wholeNumber('3', 'o', 1))).toMatch(/got the string "3"/);
  });

  it('turns a JSON syntax error into the format’s error', () => {
    expect(problem(() => shape.parseText('{"a": ['))).toMatch(/^the file is not valid JSON: /);
  });
});

describe(describeJson.name, () => {
  it('says what a value is in words and cuts long strings', () => {
    expect([undefined, null, [], {}, 3, false].map(describeJson)).toEqual([
      'nothing',
      'null',
      'an array',
      'an object',
      'number 3',
      'boolean false',
    ]);
    expect(describeJson('x'.repeat(50))).toBe(`the string "${'x'.repeat(40)}…"`);
  });
});
