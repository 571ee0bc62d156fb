/** The staff form of a member quote. Pure: values as typed and a message per field. */
export interface QuoteValues {
  quote: string;
  name: string;
  title: string;
  company: string;
  linkedinUrl: string;
}
export type QuoteErrors = Partial<Record<keyof QuoteValues, string>>;

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max + 1) : '');

export function validateQuote(body: Record<string, unknown>): { values: QuoteValues; errors: QuoteErrors } {
  const values: QuoteValues = {
    quote: text(body.quote, 600),
    name: text(body.name, 100),
    title: text(body.title, 120),
    company: text(body.company, 120),
    linkedinUrl: text(body.linkedinUrl, 200),
  };
  const errors: QuoteErrors = {};
  if (!values.quote) {
    errors.quote = 'Please enter the quote.';
  } else if (values.quote.length > 600) {
    errors.quote = 'Please keep the quote to 600 characters or fewer.';
  }
  if (!values.name) {
    errors.name = 'Please enter the member’s name.';
  } else if (values.name.length > 100) {
    errors.name = 'Please keep the name to 100 characters or fewer.';
  }
  if (values.title.length > 120) {
    errors.title = 'Please keep the title to 120 characters or fewer.';
  }
  if (values.company.length > 120) {
    errors.company = 'Please keep the company to 120 characters or fewer.';
  }
  if (
    values.linkedinUrl &&
    !/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[A-Za-z0-9_-]{3,100}\/?$/.test(values.linkedinUrl)
  ) {
    errors.linkedinUrl = 'Please enter a LinkedIn profile address, like https://www.linkedin.com/in/their-name.';
  }
  return { values, errors };
}
