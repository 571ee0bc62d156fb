import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { BlogPages } from '@roundtable/blog';
import { LATEST_RESEARCH, type LatestResearchSource, type ResearchTeaser } from './latest-research';

const RESEARCH_ON_HOME = 3;

/** The home page: the council's pitch, the latest research (when there is any), then the blog. */
@Injectable()
export class HomePages {
  private readonly logger = new Logger(HomePages.name);

  /** `research`: provided by a global module of a lib this one does not import (reporting), if the app has it. */
  constructor(
    private readonly blog: BlogPages,
    @Optional() @Inject(LATEST_RESEARCH) private readonly research: LatestResearchSource | null = null,
  ) {}

  async home(viewer: SessionMember | undefined, before: unknown) {
    const blog = await this.blog.list(
      viewer,
      { before },
      {
        title: 'The council of Chief Customer Officers',
        heading: 'From the council',
        path: '/',
        description:
          'Roundtable is a member-led council of Chief Customer Officers: peer advice, research on the role, and the council blog.',
      },
    );
    // Older pages of the blog are just the blog; the pitch and research lead the first page only.
    const firstPage = before === undefined || before === '';
    return { ...blog, firstPage, latestResearch: firstPage ? await this.latestResearch(viewer) : [] };
  }

  private async latestResearch(viewer: SessionMember | undefined): Promise<ResearchTeaser[]> {
    if (!this.research) {
      return [];
    }
    try {
      return await this.research.latest(RESEARCH_ON_HOME, viewer);
    } catch (error) {
      // The home page stands without its research slot rather than failing.
      this.logger.error(`Latest research could not be read: ${String(error)}`);
      return [];
    }
  }
}
