import { formatDate } from '@roundtable/core';
import { profileQuestion } from '../definition/defaults';
import type { SurveyRecord } from '../definition/survey.repository';
import type { ResponseFormErrors, ResponseFormValues } from './response-form';

/** The one-time notice the form shows (after a save, a submit, or a submit another tab made first). */
export type Notice = 'saved' | 'done' | 'updated' | 'already-completed' | null;

export const dateLabel = (date: Date | null | undefined) => (date ? formatDate(date) : '');

/** What `surveys/respond` shows: the survey, the answers to show, errors linked to their fields. */
export function respondPageModel(
  survey: SurveyRecord,
  values: ResponseFormValues,
  errors: ResponseFormErrors,
  page: { action: string; signedIn: boolean; completed: boolean; notice: Notice },
): object {
  return {
    title: survey.title,
    survey: {
      title: survey.title,
      intro: survey.intro,
      closes: dateLabel(survey.closesAt),
      items: survey.items,
      profileQuestions: survey.profileQuestions.map(profileQuestion).filter(Boolean),
    },
    ranks: survey.items.map((_, index) => index + 1),
    values,
    errors,
    errorLinks: Object.fromEntries(
      Object.keys(errors).map((name) => [name, name === 'held' ? `held-${survey.items[0]?.key}` : name]),
    ),
    ...page,
  };
}
