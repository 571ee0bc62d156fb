import { OneOf, RequiredText } from '@roundtable/core';

/** Staff declining an application: the reason goes in the email the applicant gets. */
export class DeclineDto {
  @RequiredText(1000, {
    missing: 'Please give the applicant a reason for declining; it goes in the email we send them.',
    tooLong: 'Please keep the reason under 1,000 characters.',
  })
  reason!: string;

  /** Declining cannot be undone and mails the applicant: a required tick is the confirmation, without JavaScript. */
  @OneOf(['yes'], 'Please tick “I confirm” to decline: the applicant is emailed and this cannot be undone.')
  confirm!: string;
}
