import { encodeCursor } from './keyset';
import { PageQuery } from './page-query.dto';
import { QueryChoice, QuerySlug, QueryText } from './query-decorators';
import { parseQuery } from './query-dto';

class ExampleQuery extends PageQuery {
  @QueryChoice(['active', 'lapsed'], 'Membership: choose a listed state.')
  state?: string;

  @QueryText(20, 'Search: at most 20 characters.')
  search?: string;

  @QuerySlug('Tier: not a tier.')
  tier?: string;
}

describe(parseQuery.name, () => {
  it('keeps known keys that pass and drops unknown keys silently', () => {
    const { value, ignored } = parseQuery(ExampleQuery, { state: 'active', search: ' Ann ', utm_source: 'x' });
    expect(value).toEqual(Object.assign(new ExampleQuery(), { state: 'active', search: 'Ann', size: 50 }));
    expect(ignored).toEqual({});
  });

  it('drops a known key whose value breaks a rule and says why, keeping defaults', () => {
    const { value, ignored } = parseQuery(ExampleQuery, {
      state: { $ne: 'x' },
      search: 'y'.repeat(21),
      tier: 'gold; drop',
      size: '5000',
      after: 'not a cursor',
    });
    expect({ ...value }).toEqual({ size: 50 });
    expect(ignored).toEqual({
      state: 'Membership: choose a listed state.',
      search: 'Search: at most 20 characters.',
      tier: 'Tier: not a tier.',
      size: 'A page shows between 1 and 100 rows; showing 50.',
      after: 'That page link is out of date or incomplete, so the first page is shown.',
    });
  });

  it('treats an empty filter as none, reads the page size as a number and keeps a cursor it wrote', () => {
    const cursor = encodeCursor(['65a000000000000000000000']);
    const { value, ignored } = parseQuery(ExampleQuery, { state: '', size: '20', after: cursor });
    expect({ ...value }).toEqual({ size: 20, after: cursor });
    expect(ignored).toEqual({});
  });

  it('refuses a repeated key rather than picking one of its values', () => {
    const { value, ignored } = parseQuery(ExampleQuery, { state: ['active', 'lapsed'] });
    expect(value.state).toBeUndefined();
    expect(Object.keys(ignored)).toEqual(['state']);
  });

  it('reads a missing query string as the first page with defaults', () => {
    expect({ ...parseQuery(ExampleQuery, undefined).value }).toEqual({ size: 50 });
  });
});
