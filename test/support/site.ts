import { QuoteRepository } from '@roundtable/site';
import type { TestApp } from './create-test-app';

type QuoteFields = Parameters<QuoteRepository['add']>[0];
export type BuiltQuote = Awaited<ReturnType<QuoteRepository['listAll']>>[number];

let sequence = 0;

/** A member's quote for the join page as staff add it (QuoteRepository.add), shown, named uniquely. */
export async function buildQuote(t: TestApp, overrides: Partial<QuoteFields> = {}): Promise<BuiltQuote> {
  sequence += 1;
  const quotes = t.app.get(QuoteRepository);
  const fields = {
    quote: 'Q.',
    name: `Quoted Member ${sequence} ${Date.now()}`,
    title: '',
    company: '',
    linkedinUrl: '',
    ...overrides,
  };
  await quotes.add(fields);
  return (await quotes.listAll()).find((quote) => quote.name === fields.name)!;
}
