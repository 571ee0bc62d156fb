import { Injectable } from '@nestjs/common';
import { ValidationError } from '@roundtable/core';
import { ExchangeFormatError, parseExchangeText, type ExchangeDocument } from '@roundtable/rankings';
import { checkSurveyDefinition, MAX_TITLE, PROFILE_QUESTIONS, SurveyRepository } from '@roundtable/surveys';
import { RANKING_OPTIONS, SurveyExchangeReader } from '../compute/survey-exchange.service';

/**
 * Staff's export of a survey's responses in the exchange format (no tokens, no names, no member ids:
 * responses are "r1", "r2", …), and the import of such a file as a new draft survey with its items.
 */
const IMPORTED = ' (imported)';

@Injectable()
export class ExchangeTransfer {
  constructor(
    private readonly reader: SurveyExchangeReader,
    private readonly surveys: SurveyRepository,
  ) {}

  /** Streams the survey's rows (an explicit download, not a page view). */
  async exportSurvey(surveyId: string): Promise<{ filename: string; doc: ExchangeDocument }> {
    const survey = await this.reader.getSurveyOrFail(surveyId);
    const { doc } = await this.reader.read(survey, RANKING_OPTIONS);
    const slug =
      survey.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'survey';
    return { filename: `${slug}-responses.json`, doc };
  }

  /**
   * Creates a draft survey with the file's items (in order) and, when the file says so, its title and
   * the profile questions it knows, by exactly the survey editor's rules (`checkSurveyDefinition`):
   * a file the editor could not have produced is refused with every problem named at once. The
   * responses are not imported: answers belong to invitations.
   */
  async importAsDraft(text: string | undefined): Promise<string> {
    // A file saved by some editors starts with a byte-order mark, which JSON does not allow.
    const json = text?.replace(/^\uFEFF/, '');
    if (!json || json.trim() === '') {
      throw new ValidationError('Choose a JSON file in the exchange format to import.');
    }
    let doc: ExchangeDocument;
    try {
      doc = parseExchangeText(json);
    } catch (error) {
      if (error instanceof ExchangeFormatError) {
        throw new ValidationError(`The file was not imported: ${error.message}.`);
      }
      throw error;
    }
    const named = typeof doc.survey?.title === 'string' && doc.survey.title.trim() ? doc.survey.title.trim() : null;
    const title = `${named ?? 'Imported survey'}${IMPORTED}`;
    const attributes = Array.isArray(doc.survey?.profile_attributes)
      ? (doc.survey.profile_attributes as unknown[])
      : [];
    const checked = await checkSurveyDefinition(
      {
        // The marker only where it fits: a title at the editor's limit is checked, and kept, as it is.
        title: named && title.length > MAX_TITLE ? named : title,
        intro: '',
        itemKey: doc.items.map((_label, index) => `i${index + 1}`),
        itemLabel: doc.items,
        profileQuestions: PROFILE_QUESTIONS.map((q) => q.key).filter((key) => attributes.includes(key)),
      },
      [],
    );
    if (!checked.ok) {
      throw new ValidationError(`The file was not imported: ${checked.problems.join(' ')}`);
    }
    const created = await this.surveys.create(checked.fields);
    return String(created._id);
  }
}
