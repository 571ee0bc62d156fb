import { PageQuery, QueryChoice } from '@roundtable/core';
import { POST_STATUSES, type PostStatus } from './post.schema';

/** The query string of staff's post list: a status, staff's or guests' posts, and a page. */
export class PostsQuery extends PageQuery {
  @QueryChoice(POST_STATUSES, 'That is not a status of posts, so posts in every status are shown.')
  status?: PostStatus;

  @QueryChoice(['staff', 'guest'], 'Posts are by staff or by guests, so both are shown.')
  by?: 'staff' | 'guest';
}
