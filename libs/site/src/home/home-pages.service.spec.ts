import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { BlogPages } from '@roundtable/blog';
import { HomePages } from './home-pages.service';
import { LATEST_RESEARCH, type LatestResearchSource, type ResearchTeaser } from './latest-research';

const TEASER: ResearchTeaser = {
  title: 'Accountabilities 2026',
  summary: 'What members own.',
  url: '/reports/accountabilities-2026',
  publishedAt: new Date('2026-10-01T00:00:00Z'),
  highlights: [],
  readsReport: false,
};

const research: LatestResearchSource = { latest: (limit) => Promise.resolve([TEASER].slice(0, limit)) };

@Global()
@Module({ providers: [{ provide: LATEST_RESEARCH, useValue: research }], exports: [LATEST_RESEARCH] })
class ResearchSourceModule {}

/** The site's own module: the blog's list stands in (this spec is about the research slot). */
@Module({
  providers: [HomePages, { provide: BlogPages, useValue: { list: () => Promise.resolve({ posts: [] }) } }],
})
class HomeModule {}

async function homePages(imports: Array<new () => unknown>): Promise<HomePages> {
  return (await Test.createTestingModule({ imports }).compile()).get(HomePages);
}

describe(HomePages.name, () => {
  it('shows the latest research a global module of another lib provides', async () => {
    const home = await homePages([HomeModule, ResearchSourceModule]);
    expect((await home.home(undefined, undefined)).latestResearch).toEqual([TEASER]);
  });

  it('does without the research slot when nothing provides it', async () => {
    const home = await homePages([HomeModule]);
    expect(await home.home(undefined, undefined)).toEqual({ posts: [], firstPage: true, latestResearch: [] });
  });
});
