import { queryTerms, searchTerms } from './search-terms';

describe(searchTerms.name, () => {
  it('holds each title and tag word with its prefixes, in slug form', () => {
    const terms = searchTerms('Retention: Déjà vu', ['cx', 'voice-of-the-customer']);
    expect(terms).toEqual(
      expect.arrayContaining(['retention', 'ret', 'rete', 'retentio', 'deja', 'dej', 'vu', 'cx', 'voice', 'customer']),
    );
    expect(terms).not.toContain('re');
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('has no terms for a title without letters or digits', () => {
    expect(searchTerms('***', [])).toEqual([]);
  });
});

describe(queryTerms.name, () => {
  it('splits a query like a title, so every query word must match a stored term', () => {
    expect(queryTerms('  Retent CX ')).toEqual(['retent', 'cx']);
    expect(queryTerms('metrics, METRICS')).toEqual(['metrics']);
    expect(queryTerms('.*')).toEqual([]);
    expect(queryTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('finds a post whenever each query word is a whole word or a prefix of one', () => {
    const terms = new Set(searchTerms('The seven common accountabilities', ['research']));
    const found = (query: string) => queryTerms(query).every((term) => terms.has(term));
    expect(found('seven accountab')).toBe(true);
    expect(found('Research')).toBe(true);
    expect(found('seven budgets')).toBe(false);
    expect(found('ountab')).toBe(false);
  });
});
