/**
 * The response form as pure functions. The same fields arrive with or without JavaScript: `held`
 * (the ticked item keys), `none` ("yes" when "None of these are mine" is ticked), `rank_<key>` (1 = highest priority; the script fills these from its
 * sortable list) and `profile_<key>`, grouped by key into `ranks` and `profile` (ResponseAnswerDto). Saving keeps whatever is well formed; submitting requires the
 * ranking to be a permutation of exactly the held items and every profile answer to be allowed.
 * Holding none of the items is a real answer, so a submit that holds nothing must say so (`none`):
 * an empty submit is more often a slip than a finding, and it would count as a completed response.
 */
import { profileQuestion } from '../definition/defaults';
import type { SurveyItem } from '../definition/survey.schema';
import type { ResponseAnswers } from './response.repository';

export interface ResponseFormSurvey {
  items: SurveyItem[];
  profileQuestions: string[];
}

/** The form as shown: what is ticked, each item's priority as typed, each profile answer. */
export interface ResponseFormValues {
  held: string[];
  /** "None of these are mine" is ticked. */
  none: boolean;
  ranks: Record<string, string>;
  profile: Record<string, string>;
}
export type ResponseFormErrors = Record<string, string>;

/** The submitted fields, grouped (`ResponseAnswerDto` once checked, or `looseAnswer` of a refused body). */
export interface ResponseFormInput {
  held: string[];
  /** "yes" when "None of these are mine" is ticked. */
  none?: string;
  ranks: Record<string, string>;
  profile: Record<string, string>;
}

export type ResponseFormResult =
  | { ok: true; values: ResponseFormValues; answers: Required<ResponseAnswers> }
  | { ok: false; values: ResponseFormValues; errors: ResponseFormErrors };

function list(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((entry): entry is string => typeof entry === 'string');
  }
  return typeof value === 'string' ? [value] : [];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 200) : '');

/**
 * A refused body's fields as the form can show them again: what is a single text kept, anything
 * else dropped (a field sent twice shows empty, with its error beside it).
 */
export function looseAnswer(body: Record<string, unknown>): ResponseFormInput {
  const answer: ResponseFormInput = {
    held: list(body.held),
    none: typeof body.none === 'string' ? body.none : undefined,
    ranks: {},
    profile: {},
  };
  for (const [name, value] of Object.entries(body)) {
    const [group, key] = name.startsWith('rank_')
      ? [answer.ranks, name.slice(5)]
      : name.startsWith('profile_')
        ? [answer.profile, name.slice(8)]
        : [null, ''];
    if (group && typeof value === 'string') {
      group[key] = text(value);
    }
  }
  return answer;
}

/**
 * The form's starting values: the saved response, or nothing ticked and the member's profile prefilled.
 * A completed response that holds nothing was answered with "None of these are mine", so it shows ticked.
 */
export function responseFormValues(
  survey: ResponseFormSurvey,
  saved: { held: string[]; ranked?: number; profile: Record<string, string>; status?: string } | null,
  prefill: Record<string, string>,
): ResponseFormValues {
  const held = saved?.held ?? [];
  const ranked = saved?.ranked ?? held.length;
  const ranks = Object.fromEntries(held.slice(0, ranked).map((key, index) => [key, String(index + 1)]));
  const profile = Object.fromEntries(
    survey.profileQuestions.map((key) => [key, saved?.profile?.[key] ?? prefill[key] ?? '']),
  );
  return {
    held: survey.items.map((item) => item.key).filter((key) => held.includes(key)),
    none: saved?.status === 'completed' && held.length === 0,
    ranks,
    profile,
  };
}

/**
 * Reads a submitted response. `complete` applies every rule; a partial save refuses only what could
 * not have come from the form (an item or an answer that is not in this survey, a priority that is
 * not a number in range) and keeps the rest.
 */
export function readResponseForm(
  survey: ResponseFormSurvey,
  answer: ResponseFormInput,
  mode: 'partial' | 'complete',
): ResponseFormResult {
  const keys = survey.items.map((item) => item.key);
  const label = (key: string) => survey.items.find((item) => item.key === key)?.label ?? key;
  const sent = answer.held;
  const values: ResponseFormValues = {
    held: keys.filter((key) => sent.includes(key)),
    none: answer.none === 'yes',
    ranks: Object.fromEntries(keys.map((key) => [key, text(answer.ranks[key])]).filter(([, rank]) => rank !== '')),
    profile: Object.fromEntries(survey.profileQuestions.map((key) => [key, text(answer.profile[key])])),
  };
  const errors: ResponseFormErrors = {};
  // Fields for items or questions this survey does not have: not from its form.
  for (const [group, sentKeys, known] of [
    ['rank', Object.keys(answer.ranks), keys],
    ['profile', Object.keys(answer.profile), survey.profileQuestions],
  ] as const) {
    for (const key of sentKeys.filter((name) => !known.includes(name))) {
      errors[`${group}_${key}`] = `There is no field named “${group}_${key}” here.`;
    }
  }

  if (sent.some((key) => !keys.includes(key)) || new Set(sent).size !== sent.length) {
    errors.held = 'Your answer included an item that is not in this survey. Please reload the page and answer again.';
  }
  const held = values.held;
  if (!errors.held && values.none && held.length > 0) {
    errors.held = 'You ticked “None of these are mine” and also some functions: untick one or the other.';
  } else if (!errors.held && mode === 'complete' && !values.none && held.length === 0) {
    errors.held =
      'Please tick the functions that are yours, or tick “None of these are mine” if you hold none of them.';
  }
  const rankOf: Record<string, number> = {};
  for (const [key, raw] of Object.entries(values.ranks)) {
    const rank = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(rank) || rank < 1 || rank > keys.length) {
      errors[`rank-${key}`] = `The priority of “${label(key)}” must be a number from 1 to ${Math.max(held.length, 1)}.`;
    } else {
      rankOf[key] = rank;
    }
  }

  if (mode === 'complete') {
    const count = held.length;
    const byRank = new Map<number, string>();
    for (const key of keys) {
      const rank = rankOf[key];
      const field = `rank-${key}`;
      if (errors[field]) {
        continue;
      }
      if (!held.includes(key)) {
        if (rank !== undefined) {
          errors[field] =
            `You gave “${label(key)}” a priority but did not tick it as yours: tick it or clear its priority.`;
        }
      } else if (rank === undefined) {
        errors[field] = `Please give “${label(key)}” a priority from 1 to ${count}.`;
      } else if (rank > count) {
        errors[field] =
          `“${label(key)}” has priority ${rank}, but you hold ${count} item${count === 1 ? '' : 's'}: use 1 to ${count}, each once.`;
      } else if (byRank.has(rank)) {
        errors[field] =
          `“${label(key)}” has the same priority (${rank}) as “${label(byRank.get(rank)!)}”: give each item a different priority.`;
      } else {
        byRank.set(rank, key);
      }
    }
  }

  for (const key of survey.profileQuestions) {
    const question = profileQuestion(key);
    const answer = values.profile[key];
    if (!question) {
      continue;
    }
    if (answer && !question.options.includes(answer)) {
      errors[`profile-${key}`] = `Please choose one of the listed answers to “${question.label}”.`;
    } else if (!answer && mode === 'complete') {
      errors[`profile-${key}`] = `Please answer “${question.label}”.`;
    }
  }

  if (Object.keys(errors).length > 0) {
    return { ok: false, values, errors };
  }
  // Ranked items first, by priority (display order breaks a tie a partial save may hold), then the
  // held items not ranked yet, in display order.
  const rankedKeys = held
    .filter((key) => rankOf[key] !== undefined)
    .sort((a, b) => rankOf[a] - rankOf[b] || keys.indexOf(a) - keys.indexOf(b));
  const unranked = held.filter((key) => rankOf[key] === undefined);
  const profile = Object.fromEntries(Object.entries(values.profile).filter(([, answer]) => answer !== ''));
  return {
    ok: true,
    values,
    answers: { held: [...rankedKeys, ...unranked], ranked: rankedKeys.length, profile },
  };
}
