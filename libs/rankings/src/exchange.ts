import { describeJson, fieldOf, JsonShape } from '@roundtable/json-shape';

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

// Typed explicitly so that TypeScript narrows after a check that never returns.
const shape: JsonShape = new JsonShape(ExchangeFormatError);

/** Parses JSON text; a syntax error becomes an ExchangeFormatError too. */
export function parseExchangeText(text: string): ExchangeDocument {
  return parseExchange(shape.parseText(text));
}

export function parseExchange(json: unknown): ExchangeDocument {
  const doc = shape.object(json, 'the document');
  // Unknown keys are refused: a misspelt "hled" would otherwise silently mean "holds nothing".
  shape.allowOnly(doc, ['survey', 'items', 'responses', 'invited', 'options'], 'the document');
  const items = parseItems(doc.items);
  const known = new Set(items);
  const responses = shape
    .array(doc.responses, '"responses"', 'responses')
    .map((raw, k) => parseResponse(raw, k, known));
  const out: ExchangeDocument = { items, responses };
  if (doc.survey !== undefined) {
    out.survey = shape.object(doc.survey, '"survey"');
  }
  if (doc.invited !== undefined) {
    out.invited = shape.array(doc.invited, '"invited"', '{"profile": {...}}').map((raw, k) => {
      const where = `invited[${k}]`;
      const entry = shape.object(raw, where);
      shape.allowOnly(entry, ['profile'], where);
      return entry.profile === undefined ? {} : { profile: shape.stringMap(entry.profile, where, 'profile') };
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
  const items = shape.array(raw, '"items"', 'item names');
  if (items.length === 0) {
    shape.fail('"items" is empty: a survey needs at least one item');
  }
  if (items.length > MAX_ITEMS) {
    shape.fail(`"items" lists ${items.length} items; at most ${MAX_ITEMS} are supported`);
  }
  const seen = new Set<string>();
  return items.map((entry, k) => {
    const item = shape.nonEmptyString(entry, `items[${k}]`);
    if (seen.has(item)) {
      shape.fail(`items[${k}] "${item}" is listed twice: item names must be unique`);
    }
    seen.add(item);
    return item;
  });
}

function parseResponse(raw: unknown, k: number, known: Set<string>): ExchangeResponse {
  let where = `responses[${k}]`;
  const response = shape.object(raw, where);
  let id: string | undefined;
  if (response.id !== undefined) {
    id = shape.string(response.id, fieldOf(where, 'id'));
    where = `${where} (id "${id}")`;
  }
  shape.allowOnly(response, ['id', 'held', 'profile'], where);
  const seen = new Set<string>();
  const held = shape.array(response.held, fieldOf(where, 'held'), 'item names').map((entry) => {
    if (typeof entry !== 'string') {
      shape.fail(`${where}: "held" must list item names as strings (got ${describeJson(entry)})`);
    }
    const item = entry;
    if (!known.has(item)) {
      shape.fail(`${where}: "held" lists "${item}", which is not one of the items`);
    }
    if (seen.has(item)) {
      shape.fail(`${where}: "held" lists "${item}" twice`);
    }
    seen.add(item);
    return item;
  });
  const out: ExchangeResponse = { held };
  if (id !== undefined) {
    out.id = id;
  }
  if (response.profile !== undefined) {
    out.profile = shape.stringMap(response.profile, where, 'profile');
  }
  return out;
}

function parseOptions(raw: unknown): Partial<ExchangeOptions> {
  const options = shape.object(raw, '"options"');
  shape.allowOnly(options, ['seed', 'resamples', 'top_k', 'min_cell', 'weight_by'], '"options"');
  const out: Partial<ExchangeOptions> = {};
  const whole = (key: 'seed' | 'resamples' | 'top_k' | 'min_cell', min: number, max?: number): void => {
    if (options[key] !== undefined) {
      out[key] = shape.wholeNumber(options[key], `options.${key}`, min, max);
    }
  };
  whole('seed', 0);
  whole('resamples', 0, MAX_RESAMPLES);
  // A top k larger than the list is allowed (every item is then in it), so one set of options fits every survey.
  whole('top_k', 1, MAX_ITEMS);
  whole('min_cell', 1);
  if (options.weight_by !== undefined) {
    const list = options.weight_by;
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string')) {
      shape.refuse('options.weight_by', 'an array of profile attribute names', list);
    }
    out.weight_by = [...new Set(list as string[])];
  }
  return out;
}
