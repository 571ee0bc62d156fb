import { csvLine, toCsv } from './csv';

describe(toCsv.name, () => {
  it('quotes commas, quotes and line breaks, with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])('neutralises the formula %p', (cell) => {
    expect(csvLine([cell]).replace(/^"|"\r\n$|\r\n$/g, '')).toBe(`'${cell}`);
  });

  it('leaves a negative number a number, and writes booleans and empty values as before', () => {
    expect(toCsv(['n', 'flag', 'none', 'missing'], [[-1.5, true, null, undefined]])).toBe(
      'n,flag,none,missing\r\n-1.5,true,,\r\n',
    );
    expect(csvLine([false, 0])).toBe('false,0\r\n');
  });

  it('quotes a cell with spaces at either end so a spreadsheet keeps them', () => {
    expect(csvLine([' lead', 'trail ', 'in side'])).toBe('" lead","trail ",in side\r\n');
  });

  it('writes a formula and a quote in one cell as one quoted, neutralised cell', () => {
    expect(csvLine(['=HYPERLINK("http://x")'])).toBe('"\'=HYPERLINK(""http://x"")"\r\n');
  });
});
