import { downloadName } from './download-name';

describe(downloadName.name, () => {
  it('names a file after its title and what it holds, in characters every file system keeps', () => {
    expect(downloadName('Accountabilities 2026', 'ranking-v3', 'csv')).toBe('accountabilities-2026-ranking-v3.csv');
    expect(downloadName('Café “CX” / Q3', 'responses', 'csv')).toBe('cafe-cx-q3-responses.csv');
    expect(downloadName('***', 'responses', 'csv')).toBe('download-responses.csv');
  });
});
