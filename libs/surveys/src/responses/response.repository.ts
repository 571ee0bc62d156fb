import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKeyError, wonUniqueWrite } from '@roundtable/core';
import { ResponseStatus, SurveyResponse } from './response.schema';

export type ResponseRecord = SurveyResponse;
/** The projection rankings stream: no dates but completion, no names (responses carry none). */
export type RankingResponseRow = Pick<SurveyResponse, '_id' | 'held' | 'profile' | 'status' | 'completedAt'>;
export interface ResponseAnswers {
  held: string[];
  /** How many of held, from the front, are ranked (defaults to all of them). */
  ranked?: number;
  profile: Record<string, string>;
}

/** The only code that touches survey_responses. */
@Injectable()
export class ResponseRepository {
  constructor(@InjectModel(SurveyResponse.name) private readonly responses: Model<SurveyResponse>) {}

  findById(invitationId: string): Promise<ResponseRecord | null> {
    return this.responses.findById(invitationId).lean<ResponseRecord>();
  }

  /**
   * Saves answers in progress. The first save is one insert (an `_id` lookup or update would scan the
   * collection on FerretDB v1). Never turns a completed response back into a partial one: the later
   * update's filter excludes completed responses, so for those its upsert collides on `_id` and this
   * returns 'already-completed' without writing.
   */
  async savePartial(
    invitationId: string,
    surveyId: string,
    answers: ResponseAnswers,
    now = new Date(),
  ): Promise<'saved' | 'already-completed'> {
    const answered = {
      held: answers.held,
      ranked: answers.ranked ?? answers.held.length,
      profile: answers.profile,
      updatedAt: now,
    };
    const first = {
      _id: invitationId,
      surveyId,
      status: 'partial' as ResponseStatus,
      startedAt: now,
      completedAt: null,
    };
    if (await this.insertFirst({ ...first, ...answered })) {
      return 'saved';
    }
    try {
      await this.responses.updateOne(
        { _id: invitationId, status: { $ne: 'completed' } },
        { $set: answered, $setOnInsert: { surveyId, status: 'partial', startedAt: now, completedAt: null } },
        { upsert: true },
      );
      return 'saved';
    } catch (error) {
      // Not an insert: the upsert's filter missed because the response is completed, so the upsert's
      // insert met the existing `_id`. The duplicate here means "completed", not "already there".
      if (isDuplicateKeyError(error)) {
        return 'already-completed';
      }
      throw error;
    }
  }

  /**
   * Stores validated answers as the completed response (a full overwrite of held and profile, so two
   * submits from two tabs leave one whole answer, the last). A first answer is one insert; otherwise
   * `completedAt` keeps the first completion: `firstCompletedAt` when the caller knows it, else read.
   */
  async complete(
    invitationId: string,
    surveyId: string,
    answers: ResponseAnswers,
    firstCompletedAt: Date | null = null,
    now = new Date(),
  ): Promise<void> {
    const answered = {
      held: answers.held,
      ranked: answers.held.length,
      profile: answers.profile,
      status: 'completed' as ResponseStatus,
      updatedAt: now,
    };
    if (await this.insertFirst({ _id: invitationId, surveyId, ...answered, startedAt: now, completedAt: now })) {
      return;
    }
    // Saved or submitted before (or a first submit from another tab won the insert): overwrite it.
    const completedAt = firstCompletedAt ?? (await this.findById(invitationId))?.completedAt ?? now;
    await this.responses.updateOne({ _id: invitationId }, { $set: { ...answered, completedAt } });
  }

  /**
   * Inserts a new response; false when one exists for the invitation already (the unique `_id`). The
   * callers give every field, already of its type, so it goes to the driver as it is: building a
   * mongoose document to cast, default and validate it, then copying it back, was a measurable share
   * of an answer's CPU (docs/performance.md).
   */
  private insertFirst(response: ResponseRecord): Promise<boolean> {
    return wonUniqueWrite(this.responses.collection.insertOne(response as never));
  }

  /** A survey's responses in `_id` order after `afterId` (served by { surveyId, _id }); worker and export. */
  pageBySurvey(surveyId: string, limit: number, afterId?: string): Promise<ResponseRecord[]> {
    const filter = afterId ? { surveyId, _id: { $gt: afterId } } : { surveyId };
    return this.responses.find(filter).sort({ _id: 1 }).limit(limit).lean<ResponseRecord[]>();
  }

  /**
   * A survey's responses as one cursor over the compact projection rankings need (held, profile,
   * status, dates), in `_id` order (served by { surveyId, _id }): one scan instead of a query per
   * page, which on FerretDB would rescan the collection for every page.
   */
  streamForRanking(surveyId: string): AsyncIterable<RankingResponseRow> {
    return this.responses
      .find({ surveyId }, { held: 1, profile: 1, status: 1, completedAt: 1 })
      .sort({ _id: 1 })
      .lean<RankingResponseRow>()
      .cursor({ batchSize: 2000 });
  }

  /** Which of these invitations have completed their response (reminder batches: one `$in` read). */
  async findCompletedAmong(invitationIds: string[]): Promise<Set<string>> {
    if (invitationIds.length === 0) {
      return new Set();
    }
    const found = await this.responses
      .find({ _id: { $in: invitationIds }, status: 'completed' }, { _id: 1 })
      .lean<Array<{ _id: string }>>();
    return new Set(found.map((response) => response._id));
  }
}
