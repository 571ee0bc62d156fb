/**
 * The checks a hand-written exchange format needs when it reads a parsed JSON document: each one
 * either returns the value, typed, or throws the format's own error with a message that names the
 * place (`tenures[3] (id "t9"): "start"`) and what was expected, then what the file held instead,
 * so a person can find the line and fix it.
 */
export type ShapeErrorClass = new (message: string) => Error;

export type JsonObject = Record<string, unknown>;

/** `tenures[0]: "start"`: how a message names one field of a place. */
export function fieldOf(where: string, name: string): string {
  return `${where}: "${name}"`;
}

/** What a value is, in words, with long strings cut so one message stays one readable line. */
export function describeJson(value: unknown): string {
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

export class JsonShape {
  constructor(private readonly FormatError: ShapeErrorClass) {}

  /** A problem in the format's own words, thrown as the format's error. */
  fail(message: string): never {
    throw new this.FormatError(message);
  }

  /** `subject must be expected (got …)`: the one wording every check below uses. */
  refuse(subject: string, expected: string, value: unknown): never {
    return this.fail(`${subject} must be ${expected} (got ${describeJson(value)})`);
  }

  /** Parses JSON text; a syntax error becomes the format's error too. */
  parseText(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return this.fail(`the file is not valid JSON: ${(error as Error).message}`);
    }
  }

  object(value: unknown, subject: string): JsonObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.refuse(subject, 'an object', value);
    }
    return value as JsonObject;
  }

  /** `expected` completes "must be an array of …", e.g. "tenures". */
  array(value: unknown, subject: string, expected: string): unknown[] {
    if (!Array.isArray(value)) {
      return this.refuse(subject, `an array of ${expected}`, value);
    }
    return value;
  }

  /** Unknown keys are refused: a misspelt optional field would otherwise be silently ignored. */
  allowOnly(object: JsonObject, keys: readonly string[], where: string): void {
    for (const name of Object.keys(object)) {
      if (!keys.includes(name)) {
        this.fail(`${where}: unknown field "${name}" (expected ${keys.map((k) => `"${k}"`).join(', ')})`);
      }
    }
  }

  string(value: unknown, subject: string): string {
    if (typeof value !== 'string') {
      return this.refuse(subject, 'a string', value);
    }
    return value;
  }

  /** A string with something in it besides white space. */
  nonEmptyString(value: unknown, subject: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      return this.refuse(subject, 'a non-empty string', value);
    }
    return value;
  }

  /** A whole number from min to max; without max, any that a double holds exactly. */
  wholeNumber(value: unknown, subject: string, min: number, max?: number): number {
    const top = max ?? Number.MAX_SAFE_INTEGER;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > top) {
      const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
      return this.refuse(subject, `a whole number ${range}`, value);
    }
    return value;
  }

  /** A flat object of string values, such as a respondent's or a tenure's profile. */
  stringMap(value: unknown, where: string, field: string): Record<string, string> {
    const map = this.object(value, fieldOf(where, field));
    for (const [name, entry] of Object.entries(map)) {
      if (typeof entry !== 'string') {
        this.refuse(`${where}: ${field} attribute "${name}"`, 'a string', entry);
      }
    }
    return map as Record<string, string>;
  }
}
