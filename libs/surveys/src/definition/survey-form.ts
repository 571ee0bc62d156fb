/**
 * The survey definition form's rules that need more than one field or the stored tiers, as a pure
 * function: a form the DTO accepted becomes either the fields to save or a message per field, and
 * the item buttons (move up, move down, remove, add) work without JavaScript because each is a
 * submit button whose `action` this applies before validating. What this returns to show again is
 * in the shape the form submits (`editorValues`), like a form the DTO refused.
 */
import { isoDate, type FormValues } from '@roundtable/core';
import {
  FILTER_NAMES,
  type FilterName,
  MAX_ITEMS,
  REMINDER_SLOTS,
  type SurveyDefinitionDto,
} from './survey-definition.dto';
import type { SurveyDefinitionFields } from './survey.repository';
import type { SurveyAudience, SurveyItem } from './survey.schema';

export { FILTER_CHOICES, MAX_ITEMS, REMINDER_SLOTS } from './survey-definition.dto';

export interface SurveyFormValues {
  title: string;
  intro: string;
  items: SurveyItem[];
  newItem: string;
  profileQuestions: string[];
  tiers: string[];
  filters: Record<FilterName, string[]>;
  opensAt: string;
  closesAt: string;
  reminders: string[];
}
export type SurveyFormErrors = Record<string, string>;

export type SurveyFormResult =
  | { ok: true; values: SurveyFormValues; fields: SurveyDefinitionFields; anchor: string }
  | { ok: false; values: SurveyFormValues; errors: SurveyFormErrors };

const day = isoDate;

/** The form's values from a stored survey. */
export function surveyFormValues(survey: SurveyDefinitionFields): SurveyFormValues {
  const reminders = survey.reminders.map(day);
  return {
    title: survey.title,
    intro: survey.intro,
    items: survey.items.map(({ key, label }) => ({ key, label })),
    newItem: '',
    profileQuestions: [...survey.profileQuestions],
    tiers: [...survey.audience.tiers],
    filters: Object.fromEntries(
      FILTER_NAMES.map((name) => [name, [...(survey.audience.filters?.[name] ?? [])]]),
    ) as SurveyFormValues['filters'],
    opensAt: day(survey.opensAt),
    closesAt: day(survey.closesAt),
    reminders: Array.from({ length: REMINDER_SLOTS }, (_, index) => reminders[index] ?? ''),
  };
}

/**
 * The next unused item key (`i<n>`): keys stay stable when labels change or items move, and a new
 * item never takes a key that an earlier wave used (`reservedKeys`), so it is never compared with a
 * retired item.
 */
export function nextItemKey(items: SurveyItem[], reservedKeys: readonly string[] = []): string {
  const keys = [...items.map((item) => item.key), ...reservedKeys];
  const numbers = keys.map((key) => Number(/^i(\d+)$/.exec(key)?.[1] ?? 0));
  return `i${Math.max(0, ...numbers) + 1}`;
}

function valuesFrom(form: SurveyDefinitionDto): SurveyFormValues {
  return {
    title: form.title,
    intro: form.intro ?? '',
    items: form.items.map(({ key, label }) => ({ key, label })),
    newItem: form.newItem ?? '',
    profileQuestions: [...form.profileQuestions],
    tiers: [...form.tiers],
    filters: Object.fromEntries(FILTER_NAMES.map((name) => [name, [...form[name]]])) as SurveyFormValues['filters'],
    opensAt: form.opensAt ?? '',
    closesAt: form.closesAt ?? '',
    reminders: [form.reminder1 ?? '', form.reminder2 ?? '', form.reminder3 ?? ''],
  };
}

/**
 * The editor's values in the shape the form submits them: the item list as `itemKey`/`itemLabel`,
 * each filter under its own name, reminders as `reminder1`…`reminder3`.
 */
export function editorValues(values: SurveyFormValues): FormValues {
  const fields: FormValues = {
    title: values.title,
    intro: values.intro,
    itemKey: values.items.map((item) => item.key),
    itemLabel: values.items.map((item) => item.label),
    newItem: values.newItem,
    profileQuestions: values.profileQuestions,
    tiers: values.tiers,
    opensAt: values.opensAt,
    closesAt: values.closesAt,
  };
  for (const name of FILTER_NAMES) {
    fields[name] = values.filters[name];
  }
  values.reminders.forEach((reminder, index) => (fields[`reminder${index + 1}`] = reminder));
  return fields;
}

/**
 * Applies an item button (`up:3`, `down:3`, `remove:3`, `add`) to the values; returns the anchor to
 * come back to, so the page opens where staff were working.
 */
function applyAction(values: SurveyFormValues, action: string, reservedKeys: readonly string[]): string {
  const [verb, at] = action.split(':');
  const index = Number(at);
  const items = values.items;
  if (values.newItem && (verb === 'add' || verb === 'save')) {
    items.push({ key: nextItemKey(items, reservedKeys), label: values.newItem });
    values.newItem = '';
    return verb === 'add' ? `item-${items.length - 1}` : '';
  }
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    return '';
  }
  if (verb === 'up' && index > 0) {
    [items[index - 1], items[index]] = [items[index], items[index - 1]];
    return `item-${index - 1}`;
  }
  if (verb === 'down' && index < items.length - 1) {
    [items[index + 1], items[index]] = [items[index], items[index + 1]];
    return `item-${index + 1}`;
  }
  if (verb === 'remove') {
    items.splice(index, 1);
    return 'items';
  }
  return `item-${index}`;
}

function parseDay(value: string): Date | null | 'invalid' {
  if (!value) {
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  return date && day(date) === value ? date : 'invalid';
}

/**
 * Reads the submitted definition form. `tiers` are the tier slugs staff may choose; `now` decides
 * whether a close date has passed. Dates are days in UTC: a survey opens at the start of its open day
 * and closes at the end of its close day; reminders go at 09:00 UTC on their day.
 */
export function readSurveyForm(
  form: SurveyDefinitionDto,
  tiers: readonly string[],
  now = new Date(),
  reservedKeys: readonly string[] = [],
): SurveyFormResult {
  const values = valuesFrom(form);
  const anchor = applyAction(values, form.action ?? 'save', reservedKeys);
  const errors: SurveyFormErrors = {};

  // Lengths and formats are the DTO's; what is left needs the other fields or the stored tiers.
  if (!values.title) {
    errors.title = 'Please give the survey a title.';
  }

  const keys = values.items.map((item) => item.key);
  if (keys.some((key) => !/^i\d{1,4}$/.test(key)) || new Set(keys).size !== keys.length) {
    errors.items = 'The item list did not come back as sent. Please reload the page and make the change again.';
  } else if (values.items.length < 2) {
    errors.items = 'A survey needs at least two items to rank.';
  } else if (values.items.length > MAX_ITEMS) {
    errors.items = `A survey can have at most ${MAX_ITEMS} items.`;
  }
  const seen = new Map<string, number>();
  values.items.forEach((item, index) => {
    const name = `items.${index}.label`;
    if (!item.label) {
      errors[name] = `Item ${index + 1} is empty: type its text or remove it.`;
    } else if (item.label.length > 200) {
      errors[name] = `Please keep item ${index + 1} under 200 characters.`;
    } else if (seen.has(item.label.toLowerCase())) {
      errors[name] =
        `Item ${index + 1} repeats item ${seen.get(item.label.toLowerCase())! + 1}; each item must be different.`;
    } else {
      seen.set(item.label.toLowerCase(), index);
    }
  });
  // The DTO checked profile questions and filters against their lists; tiers are the stored ones.
  if (values.tiers.some((slug) => !tiers.includes(slug))) {
    errors.tiers = 'Please choose tiers from the list.';
  }

  const opensAt = parseDay(values.opensAt);
  const closesDay = parseDay(values.closesAt);
  if (opensAt === 'invalid') {
    errors.opensAt = 'Please enter the open date as a date, like 2026-03-01.';
  }
  if (closesDay === 'invalid') {
    errors.closesAt = 'Please enter the close date as a date, like 2026-03-31.';
  }
  const closesAt = closesDay instanceof Date ? new Date(closesDay.getTime() + 86_400_000 - 1) : null;
  if (closesAt && closesAt.getTime() < now.getTime()) {
    errors.closesAt = 'The close date has passed; please choose a later one.';
  } else if (closesAt && opensAt instanceof Date && closesAt.getTime() < opensAt.getTime()) {
    errors.closesAt = 'The survey must close on or after the day it opens.';
  }
  const reminders: Date[] = [];
  values.reminders.forEach((value, index) => {
    const reminderDay = parseDay(value);
    const name = `reminder${index + 1}`;
    if (reminderDay === 'invalid') {
      errors[name] = 'Please enter the reminder date as a date, like 2026-03-20.';
    } else if (reminderDay) {
      const at = new Date(reminderDay.getTime() + 9 * 3_600_000);
      if (closesAt && at.getTime() >= closesAt.getTime()) {
        errors[name] = 'A reminder must go before the survey closes.';
      } else if (opensAt instanceof Date && reminderDay.getTime() <= opensAt.getTime()) {
        errors[name] = 'A reminder must go after the day the survey opens.';
      } else {
        reminders.push(at);
      }
    }
  });

  if (Object.keys(errors).length > 0) {
    return { ok: false, values, errors };
  }
  const audience: SurveyAudience = {
    tiers: [...new Set(values.tiers)],
    filters: Object.fromEntries(
      FILTER_NAMES.filter((name) => values.filters[name].length > 0).map((name) => [
        name,
        [...new Set(values.filters[name])],
      ]),
    ),
  };
  return {
    ok: true,
    values,
    anchor,
    fields: {
      title: values.title,
      intro: values.intro,
      items: values.items,
      profileQuestions: [...new Set(values.profileQuestions)],
      audience,
      opensAt: opensAt instanceof Date ? opensAt : null,
      closesAt,
      reminders: [...new Map(reminders.map((at) => [at.getTime(), at])).values()].sort(
        (a, b) => a.getTime() - b.getTime(),
      ),
    },
  };
}

/** What still stops a draft from being sent (shown on the page; distribution refuses the same). */
export function problemsBeforeSending(survey: SurveyDefinitionFields, now = new Date()): string[] {
  const problems: string[] = [];
  if (survey.items.length < 2) {
    problems.push('It needs at least two items.');
  }
  if (!survey.closesAt) {
    problems.push('It needs a close date.');
  } else if (survey.closesAt.getTime() <= now.getTime()) {
    problems.push('Its close date has passed.');
  }
  return problems;
}
