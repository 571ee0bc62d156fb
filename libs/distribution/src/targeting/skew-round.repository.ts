import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { SurveySkewRound } from './skew-round.schema';

export type SkewRoundRecord = SurveySkewRound;

export function skewRoundId(surveyId: string, round: number): string {
  return `skew-round:${surveyId}:${round}`;
}

/** The only code that touches survey_skew_rounds. */
@Injectable()
export class SkewRoundRepository {
  constructor(@InjectModel(SurveySkewRound.name) private readonly rounds: Model<SurveySkewRound>) {}

  /** Inserts round n; false when it exists (it was confirmed before). */
  async insertOnce(round: Omit<SurveySkewRound, '_id' | 'at'>): Promise<boolean> {
    return (await insertOnce(this.rounds, { ...round, _id: skewRoundId(round.surveyId, round.round) })) !== null;
  }

  findOne(surveyId: string, round: number): Promise<SkewRoundRecord | null> {
    return this.rounds.findById(skewRoundId(surveyId, round)).lean<SkewRoundRecord>();
  }

  /** A survey's rounds, oldest first (a handful per survey). */
  listBySurvey(surveyId: string): Promise<SkewRoundRecord[]> {
    return this.rounds.find({ surveyId }).sort({ round: 1 }).lean<SkewRoundRecord[]>();
  }
}
