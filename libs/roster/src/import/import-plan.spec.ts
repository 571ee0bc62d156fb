import { CsvFileError, decodeUtf8, parseCsv } from './csv-text';
import { planImport, type KnownTenure } from './import-plan';

const plan = (text: string, known: KnownTenure[] = []) => planImport(parseCsv(text), known);

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, and names each record’s line', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\nlast,\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'] },
      { line: 5, cells: ['last', ''] },
    ]);
    expect(() => parseCsv('a,b\n"open,b\n')).toThrow('A quoted cell that starts on line 2 is never closed');
  });

  it('refuses bytes that are not UTF-8 and drops a byte-order mark', () => {
    expect(() => decodeUtf8(Buffer.from([0x41, 0xe9, 0x2c]))).toThrow(CsvFileError);
    expect(decodeUtf8(Buffer.from('\ufeffperson', 'utf8'))).toBe('person');
  });
});

describe('planImport', () => {
  const header = 'id,person,company,start,end,revenue_band\n';

  it('says for every row whether it adds, updates, changes nothing or is refused, and why', () => {
    const known: KnownTenure[] = [
      {
        _id: 'a1',
        externalId: 't1',
        person: 'Ann Lee',
        personKey: 'ann lee',
        company: 'Acme',
        companyKey: 'acme',
        companyId: null,
        title: '',
        start: '2004-01-01',
        end: null,
        revenueBand: null,
        businessModel: null,
        industry: null,
        region: null,
        ccoModel: null,
        source: '',
        memberId: null,
      },
    ];
    const rows = plan(
      header +
        't1,Ann Lee,Acme,2004-01-01,2008-06-30,\n' + // update: the end
        ',Bo Chan,Beta Inc,2005-02-30,,\n' + // bad date
        ',Cy Dunn,Gamma,2006-05-01,2006-01-01,\n' + // end before start
        ',Di Eck,Delta,2007-01-01,,>$1B,surplus\n' + // a cell beyond the header
        ',Ed Fox,Epsilon,2007-01-01,,\n' + // add
        ',ED FOX,Epsilon Inc.,2007-01-01,,\n' + // duplicate of the line above by person + company + start
        ',=HYPERLINK("x"),Zeta,2007-01-01,,\n' + // formula
        ',Gil Ho,Eta,2007-01-01,,huge\n', // not a revenue band
      known,
    );
    expect(rows.map((row) => [row.line, row.action])).toEqual([
      [2, 'update'],
      [3, 'refuse'],
      [4, 'refuse'],
      [5, 'refuse'],
      [6, 'add'],
      [7, 'refuse'],
      [8, 'refuse'],
      [9, 'refuse'],
    ]);
    expect(rows[0].reasons).toEqual(['end: “” → “2008-06-30”']);
    expect(rows[1].reasons).toEqual(['The start “2005-02-30” is not a date written YYYY-MM-DD (such as 2008-03-31).']);
    expect(rows[2].reasons).toEqual(['The end date 2006-01-01 is not after the start date 2006-05-01.']);
    expect(rows[3].reasons[0]).toMatch(/7 cells but the header names 6 columns \(an unknown column\)/);
    expect(rows[5].reasons).toEqual([
      'It repeats the tenure of line 6 (the same id, or the same person, company and start).',
    ]);
    expect(rows[6].reasons[0]).toMatch(/starts with “=”, which a spreadsheet would run as a formula/);
    expect(rows[7].reasons[0]).toMatch(/revenue band must be one of/);
  });

  it('finds nothing to change when the same rows are imported again', () => {
    const first = plan(`${header},Ann Lee,Acme,2004-01-01,,>$1B\n`);
    const stored = { ...first[0].fields!, _id: 'x', externalId: 'generated' } as KnownTenure;
    const again = plan(`${header},Ann Lee,Acme,2004-01-01,,>$1B\n`, [stored]);
    expect(again.map((row) => row.action)).toEqual(['unchanged']);
    expect(plan(`${header}generated,Ann Lee,Acme,2004-01-01,,>$1B\n`, [stored])[0].action).toBe('unchanged');
  });

  it('refuses a file whose header names an unknown or missing column', () => {
    expect(() => plan('person,company,start,ned\n')).toThrow('unknown column “ned”');
    expect(() => plan('person,company\n')).toThrow('no “start” column');
    expect(() => plan('')).toThrow('The file is empty');
  });
});
