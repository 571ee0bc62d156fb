/**
 * The exchange format (docs/research.md, "The survey exchange format"): responses as one JSON document, so a result
 * can be recomputed outside the platform. parseExchange checks a parsed document and says exactly
 * what is wrong and where (the response's position and id), so a person can fix the file.
 */
export interface ExchangeResponse {
  id?: string;
  held: string[];
  profile?: Record<string, string>;
}

export interface ExchangeOptions {
  seed: number;
  resamples: number;
  top_k: number;
  min_cell: number;
  /** Profile attributes to weight by; by default the attributes found skewed. */
  weight_by?: string[];
}

export interface ExchangeDocument {
  /** Optional description of where the responses come from (an export names its survey). */
  survey?: { title?: string; [key: string]: unknown };
  items: string[];
  responses: ExchangeResponse[];
  invited?: { profile?: Record<string, string> }[];
  options?: Partial<ExchangeOptions>;
}

export const DEFAULT_OPTIONS: ExchangeOptions = { seed: 42, resamples: 1000, top_k: 7, min_cell: 5 };

/** Upper bounds that keep one computation within seconds. */
const MAX_RESAMPLES = 100_000;
const MAX_ITEMS = 1000;

export class ExchangeFormatError extends Error {
  override readonly name = 'ExchangeFormatError';
}

/** Parses JSON text; a syntax error becomes an ExchangeFormatError too. */
export function parseExchangeText(text: string): ExchangeDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExchangeFormatError(`the file is not valid JSON: ${(error as Error).message}`);
  }
  return parseExchange(json);
}

export function parseExchange(json: unknown): ExchangeDocument {
  const doc = asObject(json, 'the document');
  allowOnly(doc, ['survey', 'items', 'responses', 'invited', 'options'], 'the document');
  const items = parseItems(doc.items);
  const known = new Set(items);
  if (!Array.isArray(doc.responses)) {
    throw new ExchangeFormatError(`"responses" must be an array of responses (got ${describe(doc.responses)})`);
  }
  const responses = doc.responses.map((raw, k) => parseResponse(raw, k, known));
  const out: ExchangeDocument = { items, responses };
  if (doc.survey !== undefined) {
    out.survey = asObject(doc.survey, '"survey"');
  }
  if (doc.invited !== undefined) {
    if (!Array.isArray(doc.invited)) {
      throw new ExchangeFormatError(`"invited" must be an array of {"profile": {...}} (got ${describe(doc.invited)})`);
    }
    out.invited = doc.invited.map((raw, k) => {
      const where = `invited[${k}]`;
      const entry = asObject(raw, where);
      allowOnly(entry, ['profile'], where);
      return entry.profile === undefined ? {} : { profile: parseProfile(entry.profile, where) };
    });
  }
  if (doc.options !== undefined) {
    out.options = parseOptions(doc.options);
  }
  return out;
}

/** The options with defaults filled in. */
export function resolveOptions(options: Partial<ExchangeOptions> | undefined): ExchangeOptions {
  return { ...DEFAULT_OPTIONS, ...options };
}

function parseItems(raw: unknown): string[] {
  if (!Array.isArray(raw)) {
    throw new ExchangeFormatError(`"items" must be an array of item names (got ${describe(raw)})`);
  }
  if (raw.length === 0) {
    throw new ExchangeFormatError('"items" is empty: a survey needs at least one item');
  }
  if (raw.length > MAX_ITEMS) {
    throw new ExchangeFormatError(`"items" lists ${raw.length} items; at most ${MAX_ITEMS} are supported`);
  }
  const seen = new Set<string>();
  raw.forEach((item, k) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ExchangeFormatError(`items[${k}] must be a non-empty string (got ${describe(item)})`);
    }
    if (seen.has(item)) {
      throw new ExchangeFormatError(`items[${k}] "${item}" is listed twice: item names must be unique`);
    }
    seen.add(item);
  });
  return raw as string[];
}

function parseResponse(raw: unknown, k: number, known: Set<string>): ExchangeResponse {
  let where = `responses[${k}]`;
  const response = asObject(raw, where);
  if (response.id !== undefined) {
    if (typeof response.id !== 'string') {
      throw new ExchangeFormatError(`${where}: "id" must be a string (got ${describe(response.id)})`);
    }
    where = `${where} (id "${response.id}")`;
  }
  allowOnly(response, ['id', 'held', 'profile'], where);
  if (!Array.isArray(response.held)) {
    throw new ExchangeFormatError(`${where}: "held" must be an array of item names (got ${describe(response.held)})`);
  }
  const seen = new Set<string>();
  for (const item of response.held as unknown[]) {
    if (typeof item !== 'string') {
      throw new ExchangeFormatError(`${where}: "held" must list item names as strings (got ${describe(item)})`);
    }
    if (!known.has(item)) {
      throw new ExchangeFormatError(`${where}: "held" lists "${item}", which is not one of the items`);
    }
    if (seen.has(item)) {
      throw new ExchangeFormatError(`${where}: "held" lists "${item}" twice`);
    }
    seen.add(item);
  }
  const out: ExchangeResponse = { held: response.held as string[] };
  if (response.id !== undefined) {
    out.id = response.id as string;
  }
  if (response.profile !== undefined) {
    out.profile = parseProfile(response.profile, where);
  }
  return out;
}

function parseProfile(raw: unknown, where: string): Record<string, string> {
  const profile = asObject(raw, `${where}: "profile"`);
  for (const [key, value] of Object.entries(profile)) {
    if (typeof value !== 'string') {
      throw new ExchangeFormatError(`${where}: profile attribute "${key}" must be a string (got ${describe(value)})`);
    }
  }
  return profile as Record<string, string>;
}

function parseOptions(raw: unknown): Partial<ExchangeOptions> {
  const options = asObject(raw, '"options"');
  allowOnly(options, ['seed', 'resamples', 'top_k', 'min_cell', 'weight_by'], '"options"');
  const out: Partial<ExchangeOptions> = {};
  const integer = (key: 'seed' | 'resamples' | 'top_k' | 'min_cell', min: number, max: number): void => {
    const value = options[key];
    if (value === undefined) {
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ExchangeFormatError(`options.${key} must be an integer from ${min} to ${max} (got ${describe(value)})`);
    }
    out[key] = value;
  };
  integer('seed', 0, Number.MAX_SAFE_INTEGER);
  integer('resamples', 0, MAX_RESAMPLES);
  // A top k larger than the list is allowed (every item is then in it), so one set of options fits every survey.
  integer('top_k', 1, MAX_ITEMS);
  integer('min_cell', 1, Number.MAX_SAFE_INTEGER);
  if (options.weight_by !== undefined) {
    const list = options.weight_by;
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string')) {
      throw new ExchangeFormatError(
        `options.weight_by must be an array of profile attribute names (got ${describe(list)})`,
      );
    }
    out.weight_by = [...new Set(list as string[])];
  }
  return out;
}

function asObject(raw: unknown, where: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ExchangeFormatError(`${where} must be an object (got ${describe(raw)})`);
  }
  return raw as Record<string, unknown>;
}

/** Unknown keys are refused: a misspelt "hled" would otherwise silently mean "holds nothing". */
function allowOnly(object: Record<string, unknown>, keys: string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) {
      throw new ExchangeFormatError(
        `${where}: unknown field "${key}" (expected ${keys.map((k) => `"${k}"`).join(', ')})`,
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
