/** Field name → one message a person can act on ("Please enter your job title."). */
export type FieldErrors = Record<string, string>;

/**
 * A form's values as the person typed them, to show the form again without losing anything: a
 * field's text, or the list of values of a repeated field (a checkbox group, a list of items).
 */
export type FormValues = Record<string, string | string[]>;

/**
 * What handling a submitted form comes to, and the only thing a form handler returns:
 * - `ok`: done; the browser is sent on to `redirect` (303 See Other) and `flash` is shown once there;
 * - `invalid`: the form is shown again (422, or 409 when the input is well formed but clashes with
 *   what is stored, such as a name already taken, or 429 when it was tried too often, such as a
 *   sign-in code) with the values as typed and a message per field.
 * `@FormPage()` turns it into the response, so a handler never branches or touches `@Res()`.
 */
/** The statuses a refused form may answer with (see `FormOutcome`). */
export type InvalidStatus = 409 | 422 | 429;

export type FormOutcome =
  | { readonly kind: 'ok'; readonly redirect: string; readonly flash?: string }
  | {
      readonly kind: 'invalid';
      readonly values: FormValues;
      readonly errors: FieldErrors;
      readonly status?: InvalidStatus;
    };

export const FormOutcome = {
  ok(redirect: string, flash?: string): FormOutcome {
    return flash === undefined ? { kind: 'ok', redirect } : { kind: 'ok', redirect, flash };
  },
  invalid(values: FormValues, errors: FieldErrors, status: InvalidStatus = 422): FormOutcome {
    return { kind: 'invalid', values, errors, status };
  },
  is(value: unknown): value is FormOutcome {
    const kind = (value as { kind?: unknown } | null)?.kind;
    return typeof value === 'object' && value !== null && (kind === 'ok' || kind === 'invalid');
  },
};
