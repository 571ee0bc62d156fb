import { Matches } from 'class-validator';
import { OptionalText, RequiredText } from '@roundtable/core';

const EMAIL_MESSAGE = 'Please enter an email address, like name@company.com.';

/** "Send me a new link": the address the invitation went to, and the dead link's token if known. */
export class NewLinkDto {
  @RequiredText(254, { missing: EMAIL_MESSAGE, tooLong: 'An email address has at most 254 characters.' })
  @Matches(/^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/, { message: EMAIL_MESSAGE })
  email!: string;

  /** The dead link's token (a hidden field), so staff know which survey a request was about. */
  @OptionalText(64, 'This link is not one of ours. Please ask with your email address only.')
  token?: string;
}
