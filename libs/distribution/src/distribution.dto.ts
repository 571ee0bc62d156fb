import { IsEmail, IsISO8601, MaxLength } from 'class-validator';
import { Trim } from '@roundtable/core';

// No `_csrf` field: auth's session middleware removes the token from the body once it is checked,
// so these DTOs (which refuse unknown fields) never see it.

/** Send one member a new link: the address they were invited at. */
export class ResendLinkDto {
  @Trim()
  @IsEmail({}, { message: 'Please give an email address such as name@company.com' })
  @MaxLength(254, { message: 'Please give an email address of at most 254 characters.' })
  email: string;
}

/** Extend (or reopen) a sent survey until a new close date, as a date field sends it. */
export class ExtendSurveyDto {
  @IsISO8601({ strict: true }, { message: 'Please give a date such as 2026-12-31' })
  closesAt: string;
}

/** A button with no fields (send, remind): any field sent is refused. */
export class StaffActionDto {}
