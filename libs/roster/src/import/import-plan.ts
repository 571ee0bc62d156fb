import { checkTenureInput, TENURE_COLUMNS, type TenureColumn, type TenureInput } from '../tenures/tenure-input';
import type { TenureFields } from '../tenures/tenure.repository';
import { CsvFileError, type CsvRecord } from './csv-text';

export type RowAction = 'add' | 'update' | 'unchanged' | 'refuse';

export interface PlannedRow {
  line: number;
  action: RowAction;
  person: string;
  company: string;
  start: string;
  /** Why a row is refused, or which fields an update changes. */
  reasons: string[];
  fields?: TenureFields;
  /** The stored tenure an update or an unchanged row is. */
  tenureId?: string;
}

/** What the import knows of a stored tenure, to match rows against and to tell what would change. */
export interface KnownTenure extends TenureFields {
  _id: string;
  externalId: string;
}

const COMPARED: (keyof TenureFields)[] = [
  'person',
  'company',
  'companyId',
  'title',
  'start',
  'end',
  'revenueBand',
  'businessModel',
  'industry',
  'region',
  'ccoModel',
  'source',
  'memberId',
];

/** The columns the header names, in file order; an unknown or repeated column refuses the file. */
export function readHeader(records: CsvRecord[]): TenureColumn[] {
  if (records.length === 0) {
    throw new CsvFileError('The file is empty: it needs a header line (person,company,start,…) and a row per tenure.');
  }
  const header = records[0].cells.map((cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const seen = new Set<string>();
  for (const name of header) {
    if (!(TENURE_COLUMNS as readonly string[]).includes(name)) {
      throw new CsvFileError(
        `The header names an unknown column “${name}”. The columns are: ${TENURE_COLUMNS.join(', ')}.`,
      );
    }
    if (seen.has(name)) {
      throw new CsvFileError(`The header names the column “${name}” twice.`);
    }
    seen.add(name);
  }
  for (const needed of ['person', 'company', 'start']) {
    if (!seen.has(needed)) {
      throw new CsvFileError(`The header has no “${needed}” column; person, company and start are needed.`);
    }
  }
  return header as TenureColumn[];
}

/**
 * What importing the records would do, row by row, against the roster as it is: a row is matched to
 * a stored tenure by its id, else by person + company + start; it adds, updates (naming the fields
 * it changes), changes nothing, or is refused with every reason. Importing the same file twice
 * therefore changes nothing the second time.
 */
export function planImport(records: CsvRecord[], known: readonly KnownTenure[]): PlannedRow[] {
  const header = readHeader(records);
  const byId = new Map(known.map((tenure) => [tenure.externalId, tenure]));
  const byNatural = new Map(known.map((tenure) => [naturalKey(tenure), tenure]));
  const seenIds = new Map<string, number>();
  const seenNatural = new Map<string, number>();
  return records.slice(1).map((record) => {
    const input: TenureInput = {};
    header.forEach((column, k) => (input[column] = record.cells[k] ?? ''));
    const summary = {
      line: record.line,
      person: input.person ?? '',
      company: input.company ?? '',
      start: input.start ?? '',
    };
    if (record.cells.length > header.length) {
      const extra = record.cells.slice(header.length).filter((cell) => cell.trim() !== '').length;
      if (extra > 0) {
        return refuse(summary, [
          `It has ${record.cells.length} cells but the header names ${header.length} columns (an unknown column).`,
        ]);
      }
    }
    const checked = checkTenureInput(input);
    if ('problems' in checked) {
      return refuse(summary, Object.values(checked.problems));
    }
    const fields = checked.fields;
    const natural = naturalKey(fields);
    const duplicate = (fields.externalId && seenIds.get(fields.externalId)) ?? seenNatural.get(natural);
    if (duplicate !== undefined) {
      return refuse(summary, [
        `It repeats the tenure of line ${duplicate} (the same id, or the same person, company and start).`,
      ]);
    }
    if (fields.externalId) {
      seenIds.set(fields.externalId, record.line);
    }
    seenNatural.set(natural, record.line);
    const byItsId = fields.externalId ? byId.get(fields.externalId) : undefined;
    const byItsPerson = byNatural.get(natural);
    if (byItsId && byItsPerson && byItsId._id !== byItsPerson._id) {
      return refuse(summary, [
        `Its id is tenure ${byItsId.externalId}, but its person, company and start are tenure ${byItsPerson.externalId}'s.`,
      ]);
    }
    const stored = byItsId ?? byItsPerson;
    if (!stored) {
      return { ...summary, action: 'add', reasons: [], fields };
    }
    const changed = COMPARED.filter((field) => (fields[field] ?? null) !== (stored[field] ?? null));
    return {
      ...summary,
      action: changed.length ? 'update' : 'unchanged',
      reasons: changed.map((field) => `${field}: “${stored[field] ?? ''}” → “${fields[field] ?? ''}”`),
      fields: { ...fields, externalId: stored.externalId },
      tenureId: stored._id,
    };
  });
}

function refuse(summary: Omit<PlannedRow, 'action' | 'reasons'>, reasons: string[]): PlannedRow {
  return { ...summary, action: 'refuse', reasons };
}

function naturalKey(tenure: Pick<TenureFields, 'personKey' | 'companyKey' | 'start'>): string {
  return `${tenure.personKey}\u0000${tenure.companyKey}\u0000${tenure.start}`;
}
