import { OneOf } from '@roundtable/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { DIRECTORY_FIELDS, type DirectoryField } from './directory-entry';

const FIELDS_MESSAGE = 'Please tick what peers see of you among the fields listed.';

/**
 * A member's directory choice as the portal form submits it: listed or not, and the fields peers
 * see (a checkbox group: one ticked box arrives as a string, several as a list, none as nothing).
 */
export class DirectoryChoicesDto {
  @OneOf(['yes', 'no'], 'Please choose whether to be listed in the members’ directory.')
  listed!: 'yes' | 'no';

  @Transform(({ value }: { value: unknown }) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  @IsOptional()
  @ArrayMaxSize(DIRECTORY_FIELDS.length, { message: FIELDS_MESSAGE })
  @IsIn([...DIRECTORY_FIELDS], { each: true, message: FIELDS_MESSAGE })
  fields: DirectoryField[] = [];
}
