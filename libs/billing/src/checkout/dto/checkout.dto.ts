import { RequiredText } from '@roundtable/core';

/** The tier a member chose on the membership page. */
export class CheckoutDto {
  @RequiredText(40, {
    missing: 'Please choose one of the tiers listed.',
    tooLong: 'That membership tier is not offered. Please choose one of the tiers listed.',
  })
  tier!: string;
}
