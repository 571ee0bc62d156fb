import { OneOf } from '@roundtable/core';

/**
 * Taking a comment down (hide, spam) or banning its writer: nothing on the moderation page brings it
 * back, so a required tick on the confirmation page is the confirmation, without JavaScript.
 */
export class TakeDownDto {
  @OneOf(['yes'], 'Please tick “I confirm” first: this takes the comment down and cannot be undone from this page.')
  confirm!: string;
}
