import { RequiredText, Trim } from '@roundtable/core';
import { IsString, Matches } from 'class-validator';

/** The fields beside a reference list's file: its name and the date its companies are counted on. */
export class ReferenceListDto {
  @RequiredText(100, {
    missing: 'Please name the list, such as “Fortune 500, 2010”.',
    tooLong: 'Please keep the name under 100 characters.',
  })
  name!: string;

  @Trim()
  @IsString({ message: 'Please give the list’s date like 2010-06-01.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Please give the list’s date like 2010-06-01.' })
  date!: string;
}
