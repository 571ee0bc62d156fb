import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PostRepository } from './post.repository';
import { searchTerms } from './search-terms';

const BATCH = 500;

/**
 * Gives posts saved before search terms existed their terms, once, at start-up (a local database
 * from `npm start` keeps its posts). New and edited posts get theirs when saved.
 */
@Injectable()
export class SearchTermsBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchTermsBackfill.name);

  constructor(private readonly posts: PostRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    let done = 0;
    let batch = await this.posts.findWithoutSearchTerms(BATCH);
    while (batch.length > 0) {
      for (const post of batch) {
        await this.posts.setSearchTerms(post._id, searchTerms(post.title, post.tags ?? []));
      }
      done += batch.length;
      batch = batch.length === BATCH ? await this.posts.findWithoutSearchTerms(BATCH) : [];
    }
    if (done > 0) {
      this.logger.log(`Search terms added to ${done} earlier post(s).`);
    }
  }
}
