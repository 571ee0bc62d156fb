import { checkBody } from '@roundtable/core';
import { QuoteDto, quoteFrom } from './quote.dto';

describe(QuoteDto.name, () => {
  it('accepts a quote with a name, and optional title, company and LinkedIn profile', async () => {
    const { value, errors } = await checkBody(QuoteDto, {
      quote: ' The best hour of my month. ',
      name: 'Avery Chen',
      title: '',
      linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
    });
    expect(errors).toEqual({});
    expect(quoteFrom(value)).toEqual({
      quote: 'The best hour of my month.',
      name: 'Avery Chen',
      title: '',
      company: '',
      linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
    });
  });

  it('names what is missing, too long or not a LinkedIn profile', async () => {
    expect(
      (await checkBody(QuoteDto, { linkedinUrl: 'javascript:alert(1)', company: 'c'.repeat(121) })).errors,
    ).toEqual({
      quote: 'Please enter the quote.',
      name: 'Please enter the member’s name.',
      company: 'Please keep the company to 120 characters or fewer.',
      linkedinUrl: 'Please enter a LinkedIn profile address, like https://www.linkedin.com/in/their-name.',
    });
  });
});
