import { OptionalText } from '@roundtable/core';

const TOO_LONG = 'Please keep this under 500 characters.';

/**
 * The tenure form as submitted, one text field per CSV column. The DTO bounds each field; the rules a
 * tenure must keep (dates, end after start, the choices) are checkTenureInput's, shared with imports.
 */
export class TenureDto {
  @OptionalText(500, TOO_LONG) id?: string;
  @OptionalText(500, TOO_LONG) person?: string;
  @OptionalText(500, TOO_LONG) company?: string;
  @OptionalText(500, TOO_LONG) company_id?: string;
  @OptionalText(500, TOO_LONG) title?: string;
  @OptionalText(500, TOO_LONG) start?: string;
  @OptionalText(500, TOO_LONG) end?: string;
  @OptionalText(500, TOO_LONG) revenue_band?: string;
  @OptionalText(500, TOO_LONG) business_model?: string;
  @OptionalText(500, TOO_LONG) industry?: string;
  @OptionalText(500, TOO_LONG) region?: string;
  @OptionalText(500, TOO_LONG) cco_model?: string;
  @OptionalText(1000, 'Please keep the source under 500 characters.') source?: string;
  @OptionalText(500, TOO_LONG) member_id?: string;
}
