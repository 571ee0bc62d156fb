import { fieldOf, JsonShape } from '@roundtable/json-shape';
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

// Typed explicitly so that TypeScript narrows after a check that never returns.
const shape: JsonShape = new JsonShape(CensusFormatError);

/** Parses JSON text; a syntax error becomes a CensusFormatError too. */
export function parseCensusText(text: string): CensusDocument {
  return parseCensus(shape.parseText(text));
}

export function parseCensus(json: unknown): CensusDocument {
  const doc = shape.object(json, 'the document');
  // Unknown keys are refused: a misspelt "ned" would otherwise silently mean "still in the role".
  shape.allowOnly(doc, ['as_of', 'tenures', 'reference_lists', 'options'], 'the document');
  const out: CensusDocument = { tenures: [] };
  if (doc.as_of !== undefined && doc.as_of !== null) {
    out.as_of = date(doc.as_of, '"as_of"');
  }
  const tenures = shape.array(doc.tenures, '"tenures"', 'tenures');
  if (tenures.length > MAX_TENURES) {
    shape.fail(`"tenures" lists ${tenures.length} tenures; at most ${MAX_TENURES} are supported`);
  }
  const ids = new Map<string, number>();
  out.tenures = tenures.map((raw, k) => parseTenure(raw, k, ids));
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
  const tenure = shape.object(raw, where);
  let id: string | undefined;
  if (tenure.id !== undefined) {
    id = shape.nonEmptyString(tenure.id, fieldOf(where, 'id'));
    where = `${where} (id "${id}")`;
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      shape.fail(`${where}: the id is already used by tenures[${earlier}]`);
    }
    ids.set(id, k);
  }
  shape.allowOnly(tenure, ['id', 'person', 'company', 'title', 'start', 'end', 'profile'], where);
  const out: CensusTenure = {
    person: shape.nonEmptyString(tenure.person, fieldOf(where, 'person')),
    company: shape.nonEmptyString(tenure.company, fieldOf(where, 'company')),
    start: date(tenure.start, fieldOf(where, 'start')),
  };
  if (id !== undefined) {
    out.id = id;
  }
  if (tenure.title !== undefined && tenure.title !== null) {
    out.title = shape.string(tenure.title, fieldOf(where, 'title'));
  }
  if (tenure.end !== undefined && tenure.end !== null) {
    out.end = date(tenure.end, fieldOf(where, 'end'));
    if (out.end <= out.start) {
      shape.fail(`${where}: "end" ${out.end} is not after "start" ${out.start}`);
    }
  }
  if (tenure.profile !== undefined) {
    out.profile = shape.stringMap(tenure.profile, where, 'profile');
  }
  return out;
}

function parseReferenceLists(raw: unknown): CensusReferenceList[] {
  const names = new Set<string>();
  return shape.array(raw, '"reference_lists"', 'lists').map((entry, k) => {
    let where = `reference_lists[${k}]`;
    const list = shape.object(entry, where);
    shape.allowOnly(list, ['name', 'date', 'companies'], where);
    const name = shape.nonEmptyString(list.name, fieldOf(where, 'name'));
    where = `${where} ("${name}")`;
    if (names.has(name)) {
      shape.fail(`${where}: another list has the same name`);
    }
    names.add(name);
    const seen = new Set<string>();
    const companies = shape.array(list.companies, fieldOf(where, 'companies'), 'company keys').map((company, c) => {
      const value = shape.nonEmptyString(company, fieldOf(where, `companies[${c}]`));
      if (seen.has(value)) {
        shape.fail(`${where}: company "${value}" is listed twice`);
      }
      seen.add(value);
      return value;
    });
    return { name, date: date(list.date, fieldOf(where, 'date')), companies };
  });
}

function parseOptions(raw: unknown): Partial<CensusOptions> {
  const options = shape.object(raw, '"options"');
  shape.allowOnly(options, ['min_cell', 'restricted_months', 'survival_at'], '"options"');
  const out: Partial<CensusOptions> = {};
  if (options.min_cell !== undefined) {
    out.min_cell = shape.wholeNumber(options.min_cell, 'options.min_cell', 1);
  }
  if (options.restricted_months !== undefined) {
    out.restricted_months = months(options.restricted_months, 'options.restricted_months', false);
  }
  if (options.survival_at !== undefined) {
    const list = options.survival_at;
    if (!Array.isArray(list) || list.length > MAX_SURVIVAL_POINTS) {
      shape.refuse('options.survival_at', `an array of at most ${MAX_SURVIVAL_POINTS} month counts`, list);
    }
    out.survival_at = list.map((value: unknown, k) => months(value, `options.survival_at[${k}]`, true));
  }
  return out;
}

function months(value: unknown, subject: string, zeroAllowed: boolean): number {
  const low = zeroAllowed ? 0 : Number.MIN_VALUE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < low || value > MAX_MONTHS) {
    const range = zeroAllowed ? `from 0 to ${MAX_MONTHS}` : `above 0 and at most ${MAX_MONTHS}`;
    shape.refuse(subject, `a number of months ${range}`, value);
  }
  return value;
}

function date(value: unknown, subject: string): string {
  if (typeof value !== 'string' || parseDay(value) === null) {
    shape.refuse(subject, 'a calendar date written YYYY-MM-DD', value);
  }
  return value;
}
