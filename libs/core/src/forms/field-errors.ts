import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldErrors, FormValues } from './form-outcome';

/**
 * The constraint whose message a person sees when several fail on one field: a field the form does
 * not have first, then a missing or wrongly typed value, then whatever else the DTO says.
 */
const FIRST = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'isNotEmpty',
];

/**
 * class-validator's errors as one message per field, keyed by the field's name (`address.city` for
 * nested objects), so pages can put each message beside its field and JSON clients can read them.
 */
export function fieldErrorsFrom(errors: ClassValidatorError[], parent = ''): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const name = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const keys = Object.keys(constraints);
    const key = FIRST.find((candidate) => keys.includes(candidate)) ?? keys[0];
    if (key === 'whitelistValidation') {
      result[name] = `There is no field named “${name}” here.`;
    } else if (key !== undefined) {
      result[name] = constraints[key];
    }
    Object.assign(result, fieldErrorsFrom(error.children ?? [], name));
  }
  return result;
}

/**
 * A submitted body as the values to show the form again with: text kept as typed, a repeated field
 * (a checkbox group, an item list) as its list of texts, so ticks and items come back as they were;
 * anything a form field cannot hold (an object, a list of objects) becomes empty rather than
 * "[object Object]". The CSRF token is not a value of the form: the page writes a fresh one.
 */
export function formValuesFrom(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) {
    return values;
  }
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf') {
      continue;
    }
    values[name] = Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value : text(value);
  }
  return values;
}

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}
