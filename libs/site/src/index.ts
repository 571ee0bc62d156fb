/**
 * @roundtable/site: the home page, the join page (tiers, members' quotes), About/Privacy/Contact,
 * and the share partials. A lib with published research fills the home page's
 * "Latest research" slot by providing `LATEST_RESEARCH` (see home/latest-research.ts).
 */
export { SiteModule } from './site.module';
export { LATEST_RESEARCH, type LatestResearchSource, type ResearchTeaser } from './home/latest-research';
export { QuoteRepository } from './quotes/quote.repository';
export { seedDemoQuotes } from './quotes/demo-quotes';
