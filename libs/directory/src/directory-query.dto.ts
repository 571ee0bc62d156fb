import { QueryChoice, QueryText } from '@roundtable/core';
import { CCO_MODELS, INDUSTRIES, REVENUE_BANDS } from '@roundtable/members';

/**
 * The directory's search and filters as its address carries them (read with `@ListQuery`: unknown
 * keys are ignored, a value that breaks its rule is dropped and named on the page).
 */
export class DirectoryQueryDto {
  @QueryText(80, 'The search was longer than 80 characters, so every member is shown.')
  q?: string;

  @QueryChoice(CCO_MODELS, 'That CCO model is not one of the choices, so any is shown.')
  ccoModel?: string;

  @QueryChoice(INDUSTRIES, 'That industry is not one of the choices, so any is shown.')
  industry?: string;

  @QueryChoice(REVENUE_BANDS, 'That revenue band is not one of the choices, so any is shown.')
  revenueBand?: string;
}
