import { ExchangeFormatError, parseExchange, parseExchangeText, resolveOptions } from './exchange';

const items = ['Customer strategy', 'Customer-centric tactics'];

function problem(doc: unknown): string {
  try {
    parseExchange(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeFormatError);
    return (error as Error).message;
  }
  throw new Error('the document was accepted');
}

describe('parseExchange', () => {
  it('accepts docs/research.md’s example and fills the default options', () => {
    const doc = parseExchange({
      items,
      responses: [
        { id: 'r1', held: ['Customer strategy', 'Customer-centric tactics'], profile: { revenue: '>$1B' } },
        { held: [] },
      ],
      invited: [{ profile: { revenue: '>$1B', business: 'B2B' } }, {}],
      options: { seed: 42, resamples: 1000, top_k: 2, min_cell: 5 },
    });
    expect(doc.responses).toHaveLength(2);
    expect(resolveOptions(parseExchange({ items, responses: [] }).options)).toEqual({
      seed: 42,
      resamples: 1000,
      top_k: 7,
      min_cell: 5,
    });
  });

  it('names the response and the problem', () => {
    expect(problem({ items, responses: [{ held: ['Customer strategy'] }, { id: 'r2', held: ['Strategy'] }] })).toBe(
      'responses[1] (id "r2"): "held" lists "Strategy", which is not one of the items',
    );
    expect(problem({ items, responses: [{ held: ['Customer strategy', 'Customer strategy'] }] })).toBe(
      'responses[0]: "held" lists "Customer strategy" twice',
    );
    expect(problem({ items, responses: [{ id: 'r9', held: 'Customer strategy' }] })).toBe(
      'responses[0] (id "r9"): "held" must be an array of item names (got the string "Customer strategy")',
    );
    expect(problem({ items, responses: [{ held: [3] }] })).toBe(
      'responses[0]: "held" must list item names as strings (got number 3)',
    );
    expect(problem({ items, responses: [{ id: 7, held: [] }] })).toBe(
      'responses[0]: "id" must be a string (got number 7)',
    );
    expect(problem({ items, responses: [{ held: [], profile: { revenue: 5 } }] })).toBe(
      'responses[0]: profile attribute "revenue" must be a string (got number 5)',
    );
    expect(problem({ items, responses: [{ hled: [] }] })).toBe(
      'responses[0]: unknown field "hled" (expected "id", "held", "profile")',
    );
    expect(problem({ items, responses: [null] })).toBe('responses[0] must be an object (got null)');
  });

  it('refuses empty, duplicated or non-string items and a missing responses list', () => {
    expect(problem({ items: [], responses: [] })).toBe('"items" is empty: a survey needs at least one item');
    expect(problem({ items: ['a', 'a'], responses: [] })).toBe(
      'items[1] "a" is listed twice: item names must be unique',
    );
    expect(problem({ items: ['a', ''], responses: [] })).toBe(
      'items[1] must be a non-empty string (got the string "")',
    );
    expect(problem({ items: 'a', responses: [] })).toBe('"items" must be an array of item names (got the string "a")');
    expect(problem({ items })).toBe('"responses" must be an array of responses (got nothing)');
    expect(problem([])).toBe('the document must be an object (got an array)');
  });

  it('checks invited profiles and options', () => {
    expect(problem({ items, responses: [], invited: [{ profile: { tier: true } }] })).toBe(
      'invited[0]: profile attribute "tier" must be a string (got boolean true)',
    );
    expect(problem({ items, responses: [], options: { top_k: 0 } })).toBe(
      'options.top_k must be a whole number from 1 to 1000 (got number 0)',
    );
    expect(problem({ items, responses: [], options: { resamples: 1.5 } })).toBe(
      'options.resamples must be a whole number from 0 to 100000 (got number 1.5)',
    );
    expect(problem({ items, responses: [], options: { sed: 1 } })).toBe(
      '"options": unknown field "sed" (expected "seed", "resamples", "top_k", "min_cell", "weight_by")',
    );
  });

  it('turns a JSON syntax error into a format error', () => {
    expect(() => parseExchangeText('{"items": [')).toThrow(ExchangeFormatError);
    expect(() => parseExchangeText('{"items": [')).toThrow(/^the file is not valid JSON/);
  });
});
