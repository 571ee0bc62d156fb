import { Injectable } from '@nestjs/common';
import { TierRepository } from '@roundtable/billing';
import { ConflictError, formatDate, FormOutcome, NotFoundError, type PageRequest } from '@roundtable/core';
import { describeAudience } from './audience';
import { AudienceReader } from './audience.service';
import { DEFAULT_ACCOUNTABILITIES, PROFILE_QUESTIONS } from './defaults';
import type { SurveyDefinitionDto } from './survey-definition.dto';
import { editorValues, FILTER_CHOICES, problemsBeforeSending, readSurveyForm, surveyFormValues } from './survey-form';
import { SurveyRepository, type SurveyDefinitionFields, type SurveyRecord } from './survey.repository';

const STATUS_LABELS: Record<string, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };
const dateLabel = (date: Date | null) => (date ? formatDate(date) : '');

/** Staff's survey definition pages: the list, a new draft, the editor, the locked view, duplicate. */
@Injectable()
export class SurveyAdmin {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly tiers: TierRepository,
    private readonly audience: AudienceReader,
  ) {}

  async listPage() {
    const surveys = await this.surveys.listNewestFirst(100);
    return {
      title: 'Surveys',
      surveys: surveys.map((survey) => ({
        id: String(survey._id),
        title: survey.title,
        status: STATUS_LABELS[survey.status] ?? survey.status,
        locked: survey.sentAt !== null,
        sent: dateLabel(survey.sentAt),
        closes: dateLabel(survey.closesAt),
        items: survey.items.length,
      })),
    };
  }

  /** A new draft, prefilled with the council's 16 accountabilities, asking for the revenue band and B2B/B2C. */
  async createDraft(): Promise<FormOutcome> {
    const year = new Date().getUTCFullYear();
    const created = await this.surveys.create({
      title: `Accountabilities survey ${year}`,
      intro:
        'Which of these functions are yours today, and how does your organisation rank the ones you hold? It takes about five minutes.',
      items: DEFAULT_ACCOUNTABILITIES.map((label, index) => ({ key: `i${index + 1}`, label })),
      profileQuestions: ['revenueBand', 'businessModel'],
      audience: { tiers: [], filters: {} },
      opensAt: null,
      closesAt: null,
      reminders: [],
    });
    return FormOutcome.ok(
      `/admin/surveys/${String(created._id)}`,
      'A new draft survey, prefilled with the 16 accountabilities.',
    );
  }

  /** The editor's page model when the kit shows a refused form again (values and errors are the kit's). */
  editForm({ params }: PageRequest) {
    return this.editPage(params?.id ?? '');
  }

  /** The editor of a draft, or the locked view of a sent survey. */
  async editPage(id: string) {
    const survey = await this.getOrFail(id);
    const tiers = await this.tiers.listAll();
    const tierNames = Object.fromEntries(tiers.map((tier) => [tier.slug, tier.name]));
    const locked = survey.sentAt !== null;
    return {
      title: locked ? survey.title : `Edit: ${survey.title}`,
      survey: {
        id,
        status: STATUS_LABELS[survey.status] ?? survey.status,
        sent: dateLabel(survey.sentAt),
        opens: dateLabel(survey.opensAt),
        closes: dateLabel(survey.closesAt),
        reminders: survey.reminders.map(dateLabel),
        copiedFrom: survey.copiedFrom ? String(survey.copiedFrom) : null,
        waveOf: survey.waveOf ? String(survey.waveOf) : null,
        canStartNextWave: survey.status === 'closed',
        items: survey.items,
        profileQuestions: PROFILE_QUESTIONS.filter((question) => survey.profileQuestions.includes(question.key)),
        intro: survey.intro,
      },
      locked,
      values: editorValues(surveyFormValues(survey)),
      errors: {},
      audience: {
        description: describeAudience(survey.audience, tierNames),
        // Counted from the saved audience on each view (a few pages of members, see AudienceReader).
        count: await this.audience.count(survey.audience),
      },
      problems: locked ? [] : problemsBeforeSending(survey),
      choices: {
        profileQuestions: PROFILE_QUESTIONS,
        tiers: tiers.map((tier) => ({ value: tier.slug, label: tier.name })),
        filters: [
          { name: 'revenue', label: 'Revenue band', options: FILTER_CHOICES.revenue },
          { name: 'business', label: 'Business model', options: FILTER_CHOICES.business },
          { name: 'industry', label: 'Industry', options: FILTER_CHOICES.industry },
          { name: 'ccoModel', label: 'CCO model', options: FILTER_CHOICES.ccoModel },
        ],
      },
    };
  }

  /** Saves the draft, or shows it again as staff left it (a pressed item button applied) with a message per field. */
  async save(id: string, submitted: SurveyDefinitionDto): Promise<FormOutcome> {
    const survey = await this.getOrFail(id);
    this.refuseIfLocked(survey);
    const tiers = (await this.tiers.listAll()).map((tier) => tier.slug);
    const form = readSurveyForm(submitted, tiers, new Date(), survey.earlierItemKeys ?? []);
    if (!form.ok) {
      return FormOutcome.invalid(editorValues(form.values), form.errors);
    }
    if (!(await this.surveys.updateDraft(id, form.fields))) {
      this.refuseIfLocked(await this.getOrFail(id));
    }
    return FormOutcome.ok(`/admin/surveys/${id}${form.anchor ? `#${form.anchor}` : ''}`, 'Saved.');
  }

  /** Next year's edition: the same definition as a new draft, dates cleared (they belong to one year). */
  async duplicate(id: string): Promise<FormOutcome> {
    const survey = await this.getOrFail(id);
    const copy = await this.surveys.create({
      ...undatedDefinition(survey, `${survey.title} (copy)`),
      copiedFrom: survey._id,
    });
    return FormOutcome.ok(`/admin/surveys/${String(copy._id)}`, `Duplicated “${survey.title}”: this is the new draft.`);
  }

  /**
   * "Start the next wave" (docs/research.md, "Waves"): a closed survey repeated as a new draft linked
   * to it, items with their keys (staff may edit labels, add or retire items), dates cleared.
   */
  async startNextWave(id: string): Promise<FormOutcome> {
    const survey = await this.getOrFail(id);
    if (survey.status !== 'closed') {
      throw new ConflictError(
        `“${survey.title}” is still ${survey.status === 'draft' ? 'a draft' : 'open'}: close it before starting its next wave, so the two waves do not overlap.`,
      );
    }
    const wave = await this.surveys.create({
      ...undatedDefinition(survey, nextWaveTitle(survey.title)),
      waveOf: survey._id,
      earlierItemKeys: [...new Set([...(survey.earlierItemKeys ?? []), ...survey.items.map((item) => item.key)])],
    });
    return FormOutcome.ok(
      `/admin/surveys/${String(wave._id)}`,
      `The next wave of “${survey.title}” is this new draft: edit labels, add or retire items, then send it. Its results will be compared with the earlier wave.`,
    );
  }

  private async getOrFail(id: string): Promise<SurveyRecord> {
    const survey = await this.surveys.findById(id);
    if (!survey) {
      throw new NotFoundError('There is no survey at this address.');
    }
    return survey;
  }

  private refuseIfLocked(survey: SurveyRecord): void {
    if (survey.sentAt) {
      throw new ConflictError(
        `“${survey.title}” was sent on ${dateLabel(survey.sentAt)}, so its questions are locked. Duplicate it to make a changed copy.`,
      );
    }
  }
}

/** A survey's definition under a new title, its dates cleared (they belong to one edition). */
function undatedDefinition(survey: SurveyRecord, title: string): SurveyDefinitionFields {
  return {
    title,
    intro: survey.intro,
    items: survey.items.map(({ key, label }) => ({ key, label })),
    profileQuestions: [...survey.profileQuestions],
    audience: survey.audience,
    opensAt: null,
    closesAt: null,
    reminders: [],
  };
}

/** A wave's title: the year in the earlier title moved on by one, or "(next wave)" added. */
export function nextWaveTitle(title: string): string {
  const year = /\b(19|20)\d{2}\b/.exec(title);
  if (year) {
    return title.slice(0, year.index) + String(Number(year[0]) + 1) + title.slice(year.index + 4);
  }
  return `${title} (next wave)`;
}
