import type { QuoteRepository } from './quote.repository';

/** Members' words for the join page of the demo council (`npm start`). */
const DEMO_QUOTES = [
  {
    quote:
      'The council is the one room where every other person owns the same messy mandate I do. I bring a problem on Monday and leave with three ways peers solved it.',
    name: 'Jordan Lee',
    title: 'Chief Customer Officer',
    company: 'Northwind Traders',
  },
  {
    quote:
      'The accountabilities research gave my board a way to see the role: what a CCO owns, and where we sit against companies like ours.',
    name: 'Priya Shah',
    title: 'SVP Customer Experience',
    company: 'Contoso Health',
  },
  {
    quote:
      'I joined for the research and stayed for the people. The guest posts alone changed how we run our listening posts.',
    name: 'Alex Morgan',
    title: 'Chief Customer Officer',
    company: 'Fabrikam Software',
  },
];

/** Seeds the demo quotes when the join page has none yet. Returns how many were added. */
export async function seedDemoQuotes(quotes: QuoteRepository): Promise<number> {
  if ((await quotes.listAll()).length > 0) {
    return 0;
  }
  for (const demo of DEMO_QUOTES) {
    await quotes.add({ ...demo, linkedinUrl: '' });
  }
  return DEMO_QUOTES.length;
}
