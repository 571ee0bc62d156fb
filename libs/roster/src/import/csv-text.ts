/**
 * Reading an uploaded CSV file: the bytes must be UTF-8 (spreadsheets also save Windows-1252, which
 * would silently garble names), and the text is split per RFC 4180 (quoted cells may hold commas,
 * quotes and line breaks). Each record keeps the line it started on, so a preview can name it.
 */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

/** The file's text; refused when it is not UTF-8. A byte-order mark is dropped. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvFileError(
      'The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)” and upload it again.',
    );
  }
}

/** The file's records (blank lines skipped); an unclosed quote is refused with its line. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') {
      records.push({ line: recordLine, cells });
    }
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') {
          line++;
        }
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    throw new CsvFileError(`A quoted cell that starts on line ${quoteLine} is never closed with a quote mark.`);
  }
  if (cell !== '' || cells.length > 0) {
    endRecord();
  }
  return records;
}
