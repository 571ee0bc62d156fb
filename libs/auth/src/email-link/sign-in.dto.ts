import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { OptionalText, Trim } from '@roundtable/core';
import { EMAIL_ADDRESS, MAX_EMAIL_LENGTH } from './email-address';

const INVALID_EMAIL = 'Please enter a valid email address, like name@company.com.';
const INVALID_CODE = 'Please enter the six-digit code from the email we sent you.';

/** An email address as the sign-in forms take it (the service lower-cases it). */
function EmailAddress(): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsString({ message: INVALID_EMAIL }),
    MaxLength(MAX_EMAIL_LENGTH, { message: `An email address has at most ${MAX_EMAIL_LENGTH} characters.` }),
    Matches(EMAIL_ADDRESS, { message: INVALID_EMAIL }),
  );
}

/** "Email me a sign-in link" (`POST /sign-in/email`). */
export class RequestLinkDto {
  @EmailAddress()
  email!: string;

  /** Where to go after signing in (a hidden field); anything but a same-site path is ignored. */
  @OptionalText(500, 'That page address is too long to return to.')
  returnTo?: string;
}

/**
 * "Sign in with the code" (`POST /sign-in/code`): the address (a hidden field, the one the link was
 * sent to) and the six digits as typed, spaces or a dash allowed ("123 456"); see `normaliseCode`.
 */
export class UseCodeDto {
  @EmailAddress()
  email!: string;

  @Trim()
  @IsString({ message: INVALID_CODE })
  @MaxLength(20, { message: INVALID_CODE })
  @Matches(/^[\s-]*(?:\d[\s-]*){6}$/, { message: INVALID_CODE })
  code!: string;
}
