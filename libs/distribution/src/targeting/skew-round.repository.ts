import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce, SharedVersions } from '@roundtable/core';
import { SurveySkewRound } from './skew-round.schema';

export type SkewRoundRecord = SurveySkewRound;

export function skewRoundId(surveyId: string, round: number): string {
  return `skew-round:${surveyId}:${round}`;
}

/**
 * The name of the skew rounds version among core's shared versions: it changes after every round is
 * recorded, so a process that keeps a survey's rounds (the console's results page) reads them again.
 */
export const SKEW_ROUNDS_VERSION = 'skewRounds';

/** The only code that touches survey_skew_rounds. */
@Injectable()
export class SkewRoundRepository implements OnModuleInit {
  constructor(
    @InjectModel(SurveySkewRound.name) private readonly rounds: Model<SurveySkewRound>,
    private readonly versions: SharedVersions,
  ) {}

  /** Makes sure the version exists, so rounds can be kept from the first request. */
  async onModuleInit(): Promise<void> {
    await this.versions.ensure(SKEW_ROUNDS_VERSION);
  }

  /** Inserts round n; false when it exists (it was confirmed before). */
  async insertOnce(round: Omit<SurveySkewRound, '_id' | 'at'>): Promise<boolean> {
    const inserted =
      (await insertOnce(this.rounds, { ...round, _id: skewRoundId(round.surveyId, round.round) })) !== null;
    if (inserted) {
      await this.versions.changed(SKEW_ROUNDS_VERSION);
    }
    return inserted;
  }

  findOne(surveyId: string, round: number): Promise<SkewRoundRecord | null> {
    return this.rounds.findById(skewRoundId(surveyId, round)).lean<SkewRoundRecord>();
  }

  /** A survey's rounds, oldest first (a handful per survey). */
  listBySurvey(surveyId: string): Promise<SkewRoundRecord[]> {
    return this.rounds.find({ surveyId }).sort({ round: 1 }).lean<SkewRoundRecord[]>();
  }
}
