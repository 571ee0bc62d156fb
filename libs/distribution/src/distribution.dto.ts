import { IsEmail, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

/** The CSRF field every staff form carries (checked by the session middleware). */
class StaffForm {
  @IsOptional()
  @IsString()
  _csrf?: string;
}

export class ResendLinkDto extends StaffForm {
  @IsEmail({}, { message: 'email must be an email address, such as name@company.com' })
  @MaxLength(254)
  email: string;
}

export class ExtendSurveyDto extends StaffForm {
  @IsISO8601({ strict: true }, { message: 'closesAt must be a date such as 2026-12-31' })
  closesAt: string;
}

export class StaffActionDto extends StaffForm {}
