import { parseDay } from './dates';

/**
 * The census exchange format (docs/research.md, "Census exchange format"): a roster of tenures as
 * one JSON document, so a census can be recomputed outside the platform. parseCensus checks a parsed
 * document and names the tenure (position and id) and the problem, so a person can fix the file.
 */
export interface CensusTenure {
  id?: string;
  person: string;
  company: string;
  title?: string;
  start: string;
  /** Absent or null while the person is still in the role. */
  end?: string | null;
  profile?: Record<string, string>;
}

export interface CensusReferenceList {
  name: string;
  date: string;
  companies: string[];
}

export interface CensusOptions {
  min_cell: number;
  restricted_months: number;
  survival_at: number[];
}

export interface CensusDocument {
  as_of?: string;
  tenures: CensusTenure[];
  reference_lists?: CensusReferenceList[];
  options?: Partial<CensusOptions>;
}

export const DEFAULT_CENSUS_OPTIONS: CensusOptions = {
  min_cell: 5,
  restricted_months: 120,
  survival_at: [12, 24, 36, 60],
};

/** Bounds that keep one computation within seconds and one page's tables readable. */
const MAX_TENURES = 1_000_000;
const MAX_SURVIVAL_POINTS = 50;
const MAX_MONTHS = 1200;

export class CensusFormatError extends Error {
  override readonly name = 'CensusFormatError';
}

/** Parses JSON text; a syntax error becomes a CensusFormatError too. */
export function parseCensusText(text: string): CensusDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CensusFormatError(`the file is not valid JSON: ${(error as Error).message}`);
  }
  return parseCensus(json);
}

export function parseCensus(json: unknown): CensusDocument {
  const doc = asObject(json, 'the document');
  allowOnly(doc, ['as_of', 'tenures', 'reference_lists', 'options'], 'the document');
  const out: CensusDocument = { tenures: [] };
  if (doc.as_of !== undefined && doc.as_of !== null) {
    out.as_of = date(doc.as_of, '"as_of"');
  }
  if (!Array.isArray(doc.tenures)) {
    throw new CensusFormatError(`"tenures" must be an array of tenures (got ${describe(doc.tenures)})`);
  }
  if (doc.tenures.length > MAX_TENURES) {
    throw new CensusFormatError(`"tenures" lists ${doc.tenures.length} tenures; at most ${MAX_TENURES} are supported`);
  }
  const ids = new Map<string, number>();
  out.tenures = doc.tenures.map((raw, k) => parseTenure(raw, k, ids));
  if (doc.reference_lists !== undefined) {
    out.reference_lists = parseReferenceLists(doc.reference_lists);
  }
  if (doc.options !== undefined) {
    out.options = parseOptions(doc.options);
  }
  return out;
}

/** The options with defaults filled in. */
export function resolveCensusOptions(options: Partial<CensusOptions> | undefined): CensusOptions {
  return { ...DEFAULT_CENSUS_OPTIONS, ...options };
}

function parseTenure(raw: unknown, k: number, ids: Map<string, number>): CensusTenure {
  let where = `tenures[${k}]`;
  const tenure = asObject(raw, where);
  if (tenure.id !== undefined) {
    if (typeof tenure.id !== 'string' || tenure.id === '') {
      throw new CensusFormatError(`${where}: "id" must be a non-empty string (got ${describe(tenure.id)})`);
    }
    where = `${where} (id "${tenure.id}")`;
    const earlier = ids.get(tenure.id);
    if (earlier !== undefined) {
      throw new CensusFormatError(`${where}: the id is already used by tenures[${earlier}]`);
    }
    ids.set(tenure.id, k);
  }
  allowOnly(tenure, ['id', 'person', 'company', 'title', 'start', 'end', 'profile'], where);
  const out: CensusTenure = {
    person: key(tenure.person, where, 'person'),
    company: key(tenure.company, where, 'company'),
    start: date(tenure.start, `${where}: "start"`),
  };
  if (tenure.id !== undefined) {
    out.id = tenure.id as string;
  }
  if (tenure.title !== undefined && tenure.title !== null) {
    if (typeof tenure.title !== 'string') {
      throw new CensusFormatError(`${where}: "title" must be a string (got ${describe(tenure.title)})`);
    }
    out.title = tenure.title;
  }
  if (tenure.end !== undefined && tenure.end !== null) {
    out.end = date(tenure.end, `${where}: "end"`);
    if (out.end <= out.start) {
      throw new CensusFormatError(`${where}: "end" ${out.end} is not after "start" ${out.start}`);
    }
  }
  if (tenure.profile !== undefined) {
    const profile = asObject(tenure.profile, `${where}: "profile"`);
    for (const [name, value] of Object.entries(profile)) {
      if (typeof value !== 'string') {
        throw new CensusFormatError(`${where}: profile attribute "${name}" must be a string (got ${describe(value)})`);
      }
    }
    out.profile = profile as Record<string, string>;
  }
  return out;
}

function parseReferenceLists(raw: unknown): CensusReferenceList[] {
  if (!Array.isArray(raw)) {
    throw new CensusFormatError(`"reference_lists" must be an array of lists (got ${describe(raw)})`);
  }
  const names = new Set<string>();
  return raw.map((entry, k) => {
    let where = `reference_lists[${k}]`;
    const list = asObject(entry, where);
    allowOnly(list, ['name', 'date', 'companies'], where);
    const name = key(list.name, where, 'name');
    where = `${where} ("${name}")`;
    if (names.has(name)) {
      throw new CensusFormatError(`${where}: another list has the same name`);
    }
    names.add(name);
    if (!Array.isArray(list.companies)) {
      throw new CensusFormatError(
        `${where}: "companies" must be an array of company keys (got ${describe(list.companies)})`,
      );
    }
    const seen = new Set<string>();
    const companies = list.companies.map((company: unknown, c) => {
      const value = key(company, where, `companies[${c}]`);
      if (seen.has(value)) {
        throw new CensusFormatError(`${where}: company "${value}" is listed twice`);
      }
      seen.add(value);
      return value;
    });
    return { name, date: date(list.date, `${where}: "date"`), companies };
  });
}

function parseOptions(raw: unknown): Partial<CensusOptions> {
  const options = asObject(raw, '"options"');
  allowOnly(options, ['min_cell', 'restricted_months', 'survival_at'], '"options"');
  const out: Partial<CensusOptions> = {};
  if (options.min_cell !== undefined) {
    const value = options.min_cell;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new CensusFormatError(`options.min_cell must be a whole number of at least 1 (got ${describe(value)})`);
    }
    out.min_cell = value;
  }
  if (options.restricted_months !== undefined) {
    out.restricted_months = months(options.restricted_months, 'options.restricted_months', false);
  }
  if (options.survival_at !== undefined) {
    const list = options.survival_at;
    if (!Array.isArray(list) || list.length > MAX_SURVIVAL_POINTS) {
      throw new CensusFormatError(
        `options.survival_at must be an array of at most ${MAX_SURVIVAL_POINTS} month counts (got ${describe(list)})`,
      );
    }
    out.survival_at = list.map((value: unknown, k) => months(value, `options.survival_at[${k}]`, true));
  }
  return out;
}

function months(value: unknown, where: string, zeroAllowed: boolean): number {
  const low = zeroAllowed ? 0 : Number.MIN_VALUE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > MAX_MONTHS) {
    const range = zeroAllowed ? `from 0 to ${MAX_MONTHS}` : `above 0 and at most ${MAX_MONTHS}`;
    throw new CensusFormatError(`${where} must be a number of months ${range} (got ${describe(value)})`);
  }
  return value;
}

function key(value: unknown, where: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CensusFormatError(`${where}: "${field}" must be a non-empty string (got ${describe(value)})`);
  }
  return value;
}

function date(value: unknown, where: string): string {
  if (typeof value !== 'string' || parseDay(value) === null) {
    throw new CensusFormatError(`${where} must be a calendar date written YYYY-MM-DD (got ${describe(value)})`);
  }
  return value;
}

function asObject(raw: unknown, where: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CensusFormatError(`${where} must be an object (got ${describe(raw)})`);
  }
  return raw as Record<string, unknown>;
}

/** Unknown keys are refused: a misspelt "ned" would otherwise silently mean "still in the role". */
function allowOnly(object: Record<string, unknown>, keys: string[], where: string): void {
  for (const name of Object.keys(object)) {
    if (!keys.includes(name)) {
      throw new CensusFormatError(
        `${where}: unknown field "${name}" (expected ${keys.map((k) => `"${k}"`).join(', ')})`,
      );
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return `${typeof value} ${String(value)}`;
}
