import { OptionalText, RequiredText } from '@roundtable/core';
import { Matches } from 'class-validator';

const LINKEDIN_MESSAGE = 'Please enter a LinkedIn profile address, like https://www.linkedin.com/in/their-name.';

/**
 * Staff's new member quote for the join page: the quote and the member's name are required; title,
 * company and LinkedIn profile are optional. The messages are what staff read beside each field.
 */
export class QuoteDto {
  @RequiredText(600, {
    missing: 'Please enter the quote.',
    tooLong: 'Please keep the quote to 600 characters or fewer.',
  })
  quote!: string;

  @RequiredText(100, {
    missing: 'Please enter the member’s name.',
    tooLong: 'Please keep the name to 100 characters or fewer.',
  })
  name!: string;

  @OptionalText(120, 'Please keep the title to 120 characters or fewer.')
  title?: string;

  @OptionalText(120, 'Please keep the company to 120 characters or fewer.')
  company?: string;

  @OptionalText(200, LINKEDIN_MESSAGE)
  @Matches(/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[A-Za-z0-9_-]{3,100}\/?$/, { message: LINKEDIN_MESSAGE })
  linkedinUrl?: string;
}

/** A quote as stored: optional fields left empty are empty text. */
export interface QuoteValues {
  quote: string;
  name: string;
  title: string;
  company: string;
  linkedinUrl: string;
}

/** The quote to store for a valid form. */
export function quoteFrom(form: QuoteDto): QuoteValues {
  return {
    quote: form.quote,
    name: form.name,
    title: form.title ?? '',
    company: form.company ?? '',
    linkedinUrl: form.linkedinUrl ?? '',
  };
}
