import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertNewAsGiven, insertOnce } from '@roundtable/core';
import { SegmentFigures, SurveyDelivery, SurveyProgressSnapshot } from './delivery.schema';

export type DeliveryOutcome = 'sent' | 'bounced' | 'suppressed' | 'failed';

/** The only code that touches survey_deliveries and survey_progress. */
@Injectable()
export class DeliveryRepository {
  constructor(
    @InjectModel(SurveyDelivery.name) private readonly deliveries: Model<SurveyDelivery>,
    @InjectModel(SurveyProgressSnapshot.name) private readonly snapshots: Model<SurveyProgressSnapshot>,
  ) {}

  /** Records an email's outcome; false if it was already recorded (a batch run twice). */
  async record(id: string, surveyId: string, outcome: DeliveryOutcome): Promise<boolean> {
    return (await insertOnce(this.deliveries, { _id: id, surveyId, outcome })) !== null;
  }

  /**
   * Records many emails' outcomes in one insert (every field given: one per email, so no mongoose
   * document is built for it); returns the ids this call recorded (those recorded
   * before, by a batch run twice, are left out), so whatever follows a first recording happens once.
   */
  recordMany(entries: Array<{ id: string; surveyId: string; outcome: DeliveryOutcome }>): Promise<Set<string>> {
    const at = new Date();
    return insertNewAsGiven(
      this.deliveries,
      entries.map((entry) => ({ _id: entry.id, surveyId: entry.surveyId, outcome: entry.outcome, at })),
    );
  }

  /** Which of these deliveries were recorded, with their outcome and time (a batch taken over after a crash or an outage). */
  async findRecorded(ids: string[]): Promise<Map<string, { outcome: DeliveryOutcome; at: Date }>> {
    if (ids.length === 0) {
      return new Map();
    }
    const found = await this.deliveries
      .find({ _id: { $in: ids } }, { _id: 1, outcome: 1, at: 1 })
      .lean<Array<{ _id: string; outcome: DeliveryOutcome; at: Date }>>();
    return new Map(found.map((delivery) => [delivery._id, { outcome: delivery.outcome, at: delivery.at }]));
  }

  /**
   * A survey's delivery records (id and outcome) as one cursor: the reconcile counts the invitations sent
   * from them (the `surveyId` equality is pushed into SQL by FerretDB; one pass, worker only).
   */
  streamBySurvey(surveyId: string): AsyncIterable<{ _id: string; outcome: DeliveryOutcome }> {
    return this.deliveries
      .find({ surveyId }, { _id: 1, outcome: 1 })
      .lean<{ _id: string; outcome: DeliveryOutcome }>()
      .cursor({ batchSize: 2000 });
  }

  async saveSnapshot(surveyId: string, segments: SegmentFigures[], recount: Record<string, number>): Promise<void> {
    await this.snapshots.updateOne(
      { _id: surveyId },
      { $set: { segments, recount, at: new Date() } },
      { upsert: true },
    );
  }

  findSnapshot(surveyId: string): Promise<SurveyProgressSnapshot | null> {
    return this.snapshots.findById(surveyId).lean<SurveyProgressSnapshot>();
  }
}
