import { validateQuote } from './quote-form';

describe('validateQuote', () => {
  it('accepts a quote with a name, and optional title, company and LinkedIn profile', () => {
    const body = {
      quote: ' The best hour of my month. ',
      name: 'Avery Chen',
      linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
    };
    expect(validateQuote(body)).toEqual({
      values: {
        quote: 'The best hour of my month.',
        name: 'Avery Chen',
        title: '',
        company: '',
        linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
      },
      errors: {},
    });
  });

  it('names what is missing or wrong', () => {
    expect(validateQuote({ linkedinUrl: 'javascript:alert(1)' }).errors).toEqual({
      quote: 'Please enter the quote.',
      name: 'Please enter the member’s name.',
      linkedinUrl: 'Please enter a LinkedIn profile address, like https://www.linkedin.com/in/their-name.',
    });
  });
});
