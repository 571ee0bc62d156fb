import { checkBody, type FormValues } from '@roundtable/core';
import { SurveyDefinitionDto } from './survey-definition.dto';
import { readSurveyForm, type SurveyFormErrors } from './survey-form';
import type { SurveyDefinitionFields } from './survey.repository';

export type SurveyDefinitionCheck = { ok: true; fields: SurveyDefinitionFields } | { ok: false; problems: string[] };

/**
 * A survey definition from outside the editor (an imported file), checked by exactly the editor's
 * rules: the editor's DTO (`SurveyDefinitionDto`, as the global pipe applies it) and then its form
 * rules (`readSurveyForm`), both always, so every problem is reported at once. `body` is in the shape
 * the editor submits (`itemKey`/`itemLabel`, …); `tiers` are the tier slugs that exist.
 */
export async function checkSurveyDefinition(
  body: FormValues,
  tiers: readonly string[],
  now = new Date(),
): Promise<SurveyDefinitionCheck> {
  const { value, errors } = await checkBody(SurveyDefinitionDto, { action: 'save', ...body });
  const form = readSurveyForm(value, tiers, now);
  const all: SurveyFormErrors = { ...(form.ok ? {} : form.errors), ...errors };
  if (Object.keys(all).length === 0 && form.ok) {
    return { ok: true, fields: form.fields };
  }
  return { ok: false, problems: problemSentences(all) };
}

/** Each field's message once, items named ("Item 3: …") where the message does not name them. */
function problemSentences(errors: SurveyFormErrors): string[] {
  const sentences = Object.entries(errors).map(([field, message]) => {
    const item = /^items\.(\d+)\./.exec(field);
    return item && !/\bitem \d/i.test(message) ? `Item ${Number(item[1]) + 1}: ${message}` : message;
  });
  return [...new Set(sentences)];
}
