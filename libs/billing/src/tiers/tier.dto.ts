import { OneOf, OptionalText, RequiredText, Trim } from '@roundtable/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { parsePriceToCents } from '../money';
import { ENTITLEMENTS, type Entitlement, type Tier } from './tier.schema';

const SLUG_MESSAGE =
  'Please give a short name for addresses of lowercase letters, digits and dashes (such as council).';

/** A price as an admin types it in currency units ("2400", "2,400.00"); stored as integer cents. */
function IsPrice(message: string): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPrice',
      validator: { validate: (value) => typeof value === 'string' && parsePriceToCents(value) !== null },
    },
    { message },
  );
}

/** A checkbox group arrives as one string when one box is ticked, a list when several are. */
function AsList(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    value === undefined || value === '' ? undefined : Array.isArray(value) ? value : [value],
  );
}

/**
 * An admin's edit of a tier, as the browser submits it. The limits are the tier form's: a name of
 * up to 80 characters, a description of up to 500, a price in currency units, a three-letter
 * currency, a month or year interval and a Stripe price id.
 */
export class TierDto {
  @RequiredText(80, {
    missing: 'Please give a name of up to 80 characters.',
    tooLong: 'Please give a name of up to 80 characters.',
  })
  name!: string;

  @OptionalText(500, 'Please give a description of up to 500 characters.')
  description?: string;

  @Trim()
  @IsString({ message: 'Please give a price such as 2400 or 2400.00.' })
  @IsPrice('Please give a price such as 2400 or 2400.00.')
  price!: string;

  @Trim()
  @IsString({ message: 'Please give a three-letter currency code such as USD.' })
  @Matches(/^[a-z]{3}$/i, { message: 'Please give a three-letter currency code such as USD.' })
  currency!: string;

  @OneOf(['month', 'year'], 'Please give an interval of month or year.')
  interval!: 'month' | 'year';

  @Trim()
  @IsString({ message: 'Please give a Stripe price id (price_…).' })
  @MaxLength(200, { message: 'Please give a Stripe price id (price_…).' })
  @Matches(/^price_[A-Za-z0-9_]{3,}$/, { message: 'Please give a Stripe price id (price_…).' })
  stripePriceId!: string;

  /** Ticked entitlements; a name the tier form does not offer is ignored, as it always was. */
  @AsList()
  @IsOptional()
  @ArrayMaxSize(ENTITLEMENTS.length * 2, { message: 'Please tick each entitlement at most once.' })
  @IsString({ each: true, message: 'Please tick entitlements from the list.' })
  @MaxLength(40, { each: true, message: 'Please tick entitlements from the list.' })
  entitlements?: string[];

  /** The "Offered to members" checkbox: present when ticked. */
  @IsOptional()
  @IsString({ message: 'Please tick or untick “Offered to members”.' })
  @MaxLength(10, { message: 'Please tick or untick “Offered to members”.' })
  offered?: string;
}

/** A new tier: an edit plus the short name its addresses use, fixed once created. */
export class NewTierDto extends TierDto {
  @Trim()
  @IsString({ message: SLUG_MESSAGE })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { message: SLUG_MESSAGE })
  slug!: string;
}

export type TierFields = Omit<Tier, 'position' | 'slug'>;

/**
 * The fields to store for a valid form: the price in integer cents, the currency in lowercase,
 * each known entitlement once. Pure, so its spec needs no server.
 */
export function tierFieldsFrom(form: TierDto): TierFields {
  const entitlements = (form.entitlements ?? []).filter((value): value is Entitlement =>
    ENTITLEMENTS.includes(value as Entitlement),
  );
  return {
    name: form.name,
    description: form.description ?? '',
    priceCents: parsePriceToCents(form.price)!,
    currency: form.currency.toLowerCase(),
    interval: form.interval,
    stripePriceId: form.stripePriceId,
    entitlements: [...new Set(entitlements)],
    offered: form.offered === 'on' || form.offered === 'true',
  };
}
