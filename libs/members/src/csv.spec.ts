import { csvCell, toCsv } from './csv';

describe(toCsv.name, () => {
  it('quotes commas, quotes and line breaks', () => {
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

  it.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx'])('neutralises the formula %p', (cell) => {
    expect(csvCell(cell).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves empty values empty', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});
