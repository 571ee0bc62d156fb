import { OneOf } from '@roundtable/core';
import { IsOptional } from 'class-validator';

/** The staff's choice of comment digest on the moderation page ('off' and an empty choice mean none). */
export class DigestChoiceDto {
  @OneOf(
    ['hourly', 'daily', 'off', ''],
    'Choose how often to get new comments by email: every hour, once a day, or never.',
  )
  frequency!: 'hourly' | 'daily' | 'off' | '';
}

/** The guest-comments switch: a checkbox, sent as 'on' when ticked and left out when not. */
export class CommentSettingsDto {
  @IsOptional()
  @OneOf(['on', 'true'], 'Tick the box to let guests comment, or leave it clear.')
  guestComments?: 'on' | 'true';
}
