import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Model, Types } from 'mongoose';
import { SharedVersions } from '@roundtable/core';
import { Survey, SurveyAudience, SurveyItem, SurveyStatus } from './survey.schema';

export type SurveyRecord = Survey & { _id: Types.ObjectId };

/** What staff edit on a draft survey (everything but status, sentAt, closedAt and copiedFrom). */
export interface SurveyDefinitionFields {
  title: string;
  intro: string;
  items: SurveyItem[];
  profileQuestions: string[];
  audience: SurveyAudience;
  opensAt: Date | null;
  closesAt: Date | null;
  reminders: Date[];
}

/**
 * The name of the surveys version among core's shared versions: it changes after every write to a
 * survey, so a process that keeps surveys (SurveyCache, and the link pages built from them) knows on
 * its next request that what it holds may be stale, whichever process wrote.
 */
export const SURVEYS_VERSION = 'surveys';

/**
 * The only code that touches the surveys collection (small: a few surveys a year). Every write
 * changes the surveys version after it completes, so whoever reads the new version and then the
 * survey sees the write (a close, an extension) on their very next request.
 */
@Injectable()
export class SurveyRepository implements OnModuleInit {
  constructor(
    @InjectModel(Survey.name) private readonly surveys: Model<Survey>,
    private readonly versions: SharedVersions,
  ) {}

  /** Makes sure the version exists, so surveys can be kept from the first request. */
  async onModuleInit(): Promise<void> {
    await this.versions.ensure(SURVEYS_VERSION);
  }

  async create(
    fields: SurveyDefinitionFields & {
      copiedFrom?: Types.ObjectId | null;
      waveOf?: Types.ObjectId | null;
      earlierItemKeys?: string[];
    },
  ): Promise<SurveyRecord> {
    const created = await this.surveys.create({ ...fields, status: 'draft' });
    await this.changed();
    return created.toObject() as SurveyRecord;
  }

  findById(id: string): Promise<SurveyRecord | null> {
    if (!isValidObjectId(id)) {
      return Promise.resolve(null);
    }
    return this.surveys.findById(id).lean<SurveyRecord>();
  }

  /**
   * The waves a survey repeats, oldest first, ending with the survey itself: each step is one `_id`
   * read (a series has a few waves, one a year). A broken or circular link ends the walk.
   */
  async findWaveSeries(survey: SurveyRecord, maxWaves = 20): Promise<SurveyRecord[]> {
    const series = [survey];
    const seen = new Set([String(survey._id)]);
    let current = survey;
    while (current.waveOf && series.length < maxWaves && !seen.has(String(current.waveOf))) {
      const earlier = await this.findById(String(current.waveOf));
      if (!earlier) {
        break;
      }
      seen.add(String(earlier._id));
      series.unshift(earlier);
      current = earlier;
    }
    return series;
  }

  /**
   * Saves a draft's definition; false once the survey was sent (locked: items cannot change under
   * answers). Distribution sets sentAt before the first invitation is written.
   */
  async updateDraft(id: string, fields: SurveyDefinitionFields): Promise<boolean> {
    if (!isValidObjectId(id)) {
      return false;
    }
    const { title, intro, items, profileQuestions, audience, opensAt, closesAt, reminders } = fields;
    const result = await this.surveys.updateOne(
      { _id: id, sentAt: null },
      { $set: { title, intro, items, profileQuestions, audience, opensAt, closesAt, reminders } },
    );
    await this.changed();
    return result.matchedCount === 1;
  }

  /** Newest first, a page at a time (`_id < before`); surveys are few, the list is for staff. */
  listNewestFirst(limit: number, before?: string): Promise<SurveyRecord[]> {
    const filter = before && isValidObjectId(before) ? { _id: { $lt: new Types.ObjectId(before) } } : {};
    return this.surveys.find(filter).sort({ _id: -1 }).limit(limit).lean<SurveyRecord[]>();
  }

  /** Surveys currently open to answers (the portal's list; served by { status, closesAt }). */
  listOpen(): Promise<SurveyRecord[]> {
    return this.surveys.find({ status: 'open' }).sort({ closesAt: 1 }).lean<SurveyRecord[]>();
  }

  /** How many surveys are open to answers now (the staff home; one document per survey, a small collection). */
  countOpen(): Promise<number> {
    return this.surveys.countDocuments({ status: 'open' });
  }

  /** Distribution calls this as sending starts: locks the definition and opens the survey. */
  async markSent(id: string, at = new Date(), status: SurveyStatus = 'open'): Promise<void> {
    await this.surveys.updateOne({ _id: id, sentAt: null }, { $set: { sentAt: at, status } });
    await this.changed();
  }

  /** Close now (staff's "close early", or the schedule at closesAt). */
  async close(id: string, at = new Date()): Promise<void> {
    await this.surveys.updateOne({ _id: id }, { $set: { status: 'closed', closedAt: at } });
    await this.changed();
  }

  /** Extend (or reopen) a sent survey to a later close date. */
  async extend(id: string, closesAt: Date): Promise<void> {
    await this.surveys.updateOne({ _id: id }, { $set: { closesAt, status: 'open', closedAt: null } });
    await this.changed();
  }

  /** After a write completed: every process's kept surveys are stale (see SURVEYS_VERSION). */
  private changed(): Promise<void> {
    return this.versions.changed(SURVEYS_VERSION);
  }
}
