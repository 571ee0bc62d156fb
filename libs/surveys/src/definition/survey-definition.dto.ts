import { AsList, OptionalText, Trim } from '@roundtable/core';
import { BUSINESS_MODELS, CCO_MODELS, INDUSTRIES, REVENUE_BANDS } from '@roundtable/members';
import { Expose, Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PROFILE_QUESTIONS } from './defaults';

/** Items a survey may have; one more may arrive with the "Add item" button, refused by the rules. */
export const MAX_ITEMS = 40;
export const REMINDER_SLOTS = 3;

export const FILTER_CHOICES = {
  revenue: REVENUE_BANDS,
  business: BUSINESS_MODELS,
  industry: INDUSTRIES,
  ccoModel: CCO_MODELS,
} as const;
export type FilterName = keyof typeof FILTER_CHOICES;
export const FILTER_NAMES = Object.keys(FILTER_CHOICES) as FilterName[];

/** Longest title the editor takes (an import adds " (imported)" only where it still fits). */
export const MAX_TITLE = 150;
/** No control characters (tabs, line breaks, NUL…) inside a title or an item: a form's text field cannot hold them. */
const NO_CONTROLS = /^[^\p{Cc}]*$/u;

const ITEMS_TAMPERED = 'The item list did not come back as sent. Please reload the page and make the change again.';
const CHOOSE_VALUES = 'Please choose values from the list.';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One item of the list as the editor sends it: its stable key and the label staff typed. */
export class SurveyItemDto {
  @IsString({ message: ITEMS_TAMPERED })
  @Matches(/^i\d{1,4}$/, { message: ITEMS_TAMPERED })
  key!: string;

  @IsString({ message: 'Please type the item’s text.' })
  @MaxLength(200, { message: 'Please keep each item under 200 characters.' })
  @Matches(NO_CONTROLS, { message: 'Please remove line breaks, tabs and other control characters from each item.' })
  label!: string;
}

/** A checkbox group whose every value is one of `choices`. */
function Choices(choices: readonly string[], message: string): PropertyDecorator {
  return (target, key) => {
    AsList()(target, key);
    IsArray({ message })(target, key);
    ArrayMaxSize(choices.length * 2, { message })(target, key);
    IsIn([...choices], { each: true, message })(target, key);
  };
}

/** A day typed in a date field (`2026-03-01`), or left empty. */
function OptionalDay(message: string): PropertyDecorator {
  return (target, key) => {
    OptionalText(10, message)(target, key);
    Matches(DAY, { message })(target, key);
  };
}

/**
 * The survey editor as the browser submits it (staff's draft; see `readSurveyForm` for the rules
 * that need the other fields or the stored tiers). The item list travels as two parallel repeated
 * fields, `itemKey` and `itemLabel` (a plain form has no nested fields); `items` pairs them up and
 * validates each item. `action` is the button pressed: save, add, or move/remove item N, so
 * reordering works without JavaScript.
 */
export class SurveyDefinitionDto {
  @Trim()
  @IsString({ message: 'Please give the survey a title.' })
  @MaxLength(MAX_TITLE, { message: `Please keep the title under ${MAX_TITLE} characters.` })
  @Matches(NO_CONTROLS, { message: 'Please remove line breaks, tabs and other control characters from the title.' })
  title!: string;

  @OptionalText(2000, 'Please keep the introduction under 2,000 characters.')
  intro?: string;

  @AsList()
  @IsArray({ message: ITEMS_TAMPERED })
  @ArrayMaxSize(MAX_ITEMS + 1, { message: `A survey can have at most ${MAX_ITEMS} items.` })
  @IsString({ each: true, message: ITEMS_TAMPERED })
  itemKey: string[] = [];

  @AsList()
  @IsArray({ message: ITEMS_TAMPERED })
  @ArrayMaxSize(MAX_ITEMS + 1, { message: `A survey can have at most ${MAX_ITEMS} items.` })
  @IsString({ each: true, message: ITEMS_TAMPERED })
  itemLabel: string[] = [];

  /** The items in the order sent, each checked (built from `itemKey` and `itemLabel`, never sent itself). */
  @Expose()
  @Transform(({ obj }: { obj: Record<string, unknown> }) => pairItems(obj.itemKey, obj.itemLabel))
  @ValidateNested({ each: true })
  items: SurveyItemDto[] = [];

  @OptionalText(200, 'Please keep the new item under 200 characters.')
  newItem?: string;

  @IsOptional()
  @IsString({ message: 'That button is not one this form has.' })
  @Matches(/^(save|add|(up|down|remove):\d{1,2})$/, { message: 'That button is not one this form has.' })
  action?: string;

  @Choices(PROFILE_QUESTIONS.map((question) => question.key), 'Please choose profile questions from the list.')
  profileQuestions: string[] = [];

  /** Tier slugs; whether each exists is checked against the stored tiers. */
  @AsList()
  @IsArray({ message: 'Please choose tiers from the list.' })
  @ArrayMaxSize(40, { message: 'Please choose tiers from the list.' })
  @IsString({ each: true, message: 'Please choose tiers from the list.' })
  @MaxLength(40, { each: true, message: 'Please choose tiers from the list.' })
  tiers: string[] = [];

  @Choices(FILTER_CHOICES.revenue, CHOOSE_VALUES)
  revenue: string[] = [];

  @Choices(FILTER_CHOICES.business, CHOOSE_VALUES)
  business: string[] = [];

  @Choices(FILTER_CHOICES.industry, CHOOSE_VALUES)
  industry: string[] = [];

  @Choices(FILTER_CHOICES.ccoModel, CHOOSE_VALUES)
  ccoModel: string[] = [];

  @OptionalDay('Please enter the open date as a date, like 2026-03-01.')
  opensAt?: string;

  @OptionalDay('Please enter the close date as a date, like 2026-03-31.')
  closesAt?: string;

  @OptionalDay('Please enter the reminder date as a date, like 2026-03-20.')
  reminder1?: string;

  @OptionalDay('Please enter the reminder date as a date, like 2026-03-20.')
  reminder2?: string;

  @OptionalDay('Please enter the reminder date as a date, like 2026-03-20.')
  reminder3?: string;
}

/** `itemKey` and `itemLabel` side by side as items (labels trimmed); a label without a key gets an empty key. */
function pairItems(keys: unknown, labels: unknown): SurveyItemDto[] {
  const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const keyList = list(keys);
  return list(labels)
    .slice(0, MAX_ITEMS + 1)
    .map((label, index) =>
      Object.assign(new SurveyItemDto(), {
        key: keyList[index] ?? '',
        label: typeof label === 'string' ? label.trim() : label,
      }),
    );
}
