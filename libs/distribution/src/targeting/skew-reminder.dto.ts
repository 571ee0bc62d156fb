import { IsString, Matches } from 'class-validator';
import { OneOf, Trim } from '@roundtable/core';
import { SEGMENT_DIMENSIONS } from '../progress/segments';

/** Staff's confirm of a previewed targeted round: the attribute, the threshold and the round number. */
export class SkewReminderDto {
  @OneOf(
    Object.keys(SEGMENT_DIMENSIONS),
    `Please choose an attribute: ${Object.keys(SEGMENT_DIMENSIONS).join(' or ')}.`,
  )
  dimension: string;

  @Trim()
  @IsString({ message: 'Please give the threshold as a whole number of points from 1 to 100.' })
  @Matches(/^(100|[1-9][0-9]?)$/, { message: 'Please give the threshold as a whole number of points from 1 to 100.' })
  threshold: string;

  @Trim()
  @IsString({ message: 'The round number is missing: preview the round again.' })
  @Matches(/^[1-9][0-9]{0,3}$/, { message: 'The round number is missing: preview the round again.' })
  round: string;
}
