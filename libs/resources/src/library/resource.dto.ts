import { AsList, RequiredText } from '@roundtable/core';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsString, MaxLength } from 'class-validator';

const TIERS_MESSAGE = 'Please choose among the tiers listed.';

/**
 * Staff's description of a library document (the upload form's fields, and the edit form): a
 * title, a summary visitors see too, a category and the tiers whose members may download it. The
 * file itself is checked by its content, apart (see `checkDocument`); whether each tier exists is
 * the service's question.
 */
export class ResourceDto {
  @RequiredText(150, {
    missing: 'Please give the document a title.',
    tooLong: 'Please keep the title to 150 characters or fewer.',
  })
  title!: string;

  @RequiredText(600, {
    missing: 'Please write a short summary: visitors see it before they join.',
    tooLong: 'Please keep the summary to 600 characters or fewer.',
  })
  summary!: string;

  @RequiredText(60, {
    missing: 'Please give a category, such as “Role definition” or “Research”.',
    tooLong: 'Please keep the category to 60 characters or fewer.',
  })
  category!: string;

  @AsList()
  @IsArray({ message: TIERS_MESSAGE })
  @ArrayNotEmpty({ message: 'Please choose at least one tier whose members may download it.' })
  @ArrayMaxSize(20, { message: TIERS_MESSAGE })
  @IsString({ each: true, message: TIERS_MESSAGE })
  @MaxLength(40, { each: true, message: TIERS_MESSAGE })
  tiers: string[] = [];
}

/** The description to store: each tier once, in the order ticked. */
export function resourceFieldsFrom(form: ResourceDto): Pick<ResourceDto, 'title' | 'summary' | 'category' | 'tiers'> {
  return { title: form.title, summary: form.summary, category: form.category, tiers: [...new Set(form.tiers)] };
}

/** Tiers the form names that do not exist (a tier deleted while the page was open, or a forged one). */
export function unknownTiers(form: ResourceDto, knownTiers: readonly string[]): string[] {
  return form.tiers.filter((tier) => !knownTiers.includes(tier));
}
