import { Trim } from '@roundtable/core';
import { IsString, Matches } from 'class-validator';

const MESSAGE = 'Please enter a census date like 2010-12-31.';

/** Staff's request for a census on a chosen date. */
export class CensusDateDto {
  @Trim()
  @IsString({ message: MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: MESSAGE })
  as_of!: string;
}
