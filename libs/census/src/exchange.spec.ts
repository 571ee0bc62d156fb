import { CensusFormatError, parseCensus, parseCensusText, resolveCensusOptions } from './exchange';

const tenure = { id: 't1', person: 'p1', company: 'c1', start: '2004-03-01', end: '2007-08-15' };

function problem(doc: unknown): string {
  try {
    parseCensus(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(CensusFormatError);
    return (error as Error).message;
  }
  throw new Error('the document was accepted');
}

describe('parseCensus', () => {
  it('accepts the documented example and fills the default options', () => {
    const doc = parseCensus({
      as_of: '2010-12-31',
      tenures: [{ ...tenure, title: 'Chief Customer Officer', profile: { revenue: '>$1B', business: 'B2B' } }],
      reference_lists: [{ name: 'Fortune 500', date: '2010-06-01', companies: ['c1', 'c7'] }],
      options: { min_cell: 5, restricted_months: 120, survival_at: [12, 24, 36, 60] },
    });
    expect(doc.tenures[0]).toMatchObject({ person: 'p1', end: '2007-08-15', title: 'Chief Customer Officer' });
    expect(resolveCensusOptions(parseCensus({ tenures: [] }).options)).toEqual({
      min_cell: 5,
      restricted_months: 120,
      survival_at: [12, 24, 36, 60],
    });
    expect(parseCensus({ tenures: [{ ...tenure, end: null }] }).tenures[0].end).toBeUndefined();
  });

  it('names the tenure and the problem', () => {
    expect(problem({ tenures: [{ ...tenure, end: '2004-03-01' }] })).toBe(
      'tenures[0] (id "t1"): "end" 2004-03-01 is not after "start" 2004-03-01',
    );
    expect(problem({ tenures: [tenure, { ...tenure, id: 't2', end: '2003-01-01' }] })).toMatch(
      /^tenures\[1\] \(id "t2"\): "end" 2003-01-01 is not after/,
    );
    expect(problem({ tenures: [{ ...tenure, start: '2010-02-30' }] })).toBe(
      'tenures[0] (id "t1"): "start" must be a calendar date written YYYY-MM-DD (got the string "2010-02-30")',
    );
    expect(problem({ tenures: [{ person: 'p', company: 'c', start: '1/3/2004' }] })).toMatch(/^tenures\[0\]: "start"/);
    expect(problem({ tenures: [{ ...tenure, person: '' }] })).toMatch(/tenures\[0\] \(id "t1"\): "person" must be/);
    expect(problem({ tenures: [{ ...tenure, company: 7 }] })).toMatch(
      /"company" must be a non-empty string \(got number 7\)/,
    );
    expect(problem({ tenures: [tenure, tenure] })).toBe('tenures[1] (id "t1"): the id is already used by tenures[0]');
    expect(problem({ tenures: [{ ...tenure, ned: '2008-01-01' }] })).toMatch(
      /tenures\[0\] \(id "t1"\): unknown field "ned"/,
    );
    expect(problem({ tenures: [{ ...tenure, profile: { revenue: 3 } }] })).toMatch(
      /profile attribute "revenue" must be a string/,
    );
    expect(problem({ tenures: [{ ...tenure, title: ['x'] }] })).toMatch(/"title" must be a string/);
  });

  it('checks the document, its census date, reference lists and options', () => {
    expect(problem([])).toMatch(/the document must be an object/);
    expect(problem({})).toMatch(/"tenures" must be an array/);
    expect(problem({ tenures: [], as_of: '2010-13-01' })).toMatch(/"as_of" must be a calendar date/);
    expect(problem({ tenures: [], reference_lists: [{ name: 'F', date: '2010', companies: [] }] })).toMatch(
      /reference_lists\[0\] \("F"\): "date" must be a calendar date/,
    );
    expect(problem({ tenures: [], reference_lists: [{ name: 'F', date: '2010-01-01', companies: ['a', 'a'] }] })).toBe(
      'reference_lists[0] ("F"): company "a" is listed twice',
    );
    expect(
      problem({
        tenures: [],
        reference_lists: [
          { name: 'F', date: '2010-01-01', companies: [] },
          { name: 'F', date: '2011-01-01', companies: [] },
        ],
      }),
    ).toMatch(/reference_lists\[1\] \("F"\): another list has the same name/);
    expect(problem({ tenures: [], options: { min_cell: 0 } })).toMatch(/options.min_cell must be a whole number/);
    expect(problem({ tenures: [], options: { restricted_months: 0 } })).toMatch(/options.restricted_months/);
    expect(problem({ tenures: [], options: { survival_at: [12, -1] } })).toMatch(/options.survival_at\[1\]/);
    expect(problem({ tenures: [], options: { seed: 1 } })).toMatch(/"options": unknown field "seed"/);
  });

  it('turns a JSON syntax error into a format error', () => {
    expect(() => parseCensusText('{"tenures": [')).toThrow(/not valid JSON/);
  });
});

describe('parseDay', () => {
  it('reads calendar dates as days since 1970-01-01 and refuses what is not one', () => {
    const { parseDay } = jest.requireActual<typeof import('./dates')>('./dates');
    expect([parseDay('1970-01-01'), parseDay('2000-03-01'), parseDay('1969-12-31')]).toEqual([0, 11017, -1]);
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2010-13-01',
      '2010-00-10',
      '2010-04-31',
      '2010-1-01',
      '2010/01/01',
      'x',
    ]) {
      expect(parseDay(bad)).toBeNull();
    }
    expect(parseDay('2000-02-29')).not.toBeNull();
  });
});
