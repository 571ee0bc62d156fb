import { nonFiniteFields } from './finite';

describe('nonFiniteFields', () => {
  it('names the path of every NaN and infinite number, in nested objects, arrays and typed arrays', () => {
    const value = {
      respondents: 3,
      kendall_w: null,
      weighted: {
        items: [{ borda: 1.5 }, { borda: NaN, holders: Infinity }],
        weights: new Float64Array([1, -Infinity]),
      },
      note: 'NaN in a string is text',
    };
    expect(nonFiniteFields(value)).toEqual([
      'weighted.items[1].borda = NaN',
      'weighted.items[1].holders = Infinity',
      'weighted.weights[1] = -Infinity',
    ]);
  });

  it('finds nothing in finite numbers, nulls, strings and booleans', () => {
    expect(nonFiniteFields({ a: [0, -1, 1e300], b: null, c: 'x', d: true, e: undefined })).toEqual([]);
    expect(nonFiniteFields(NaN)).toEqual(['(the value) = NaN']);
  });
});
