import { PageQuery, QueryChoice } from '@roundtable/core';
import { COMMENT_STATUSES, type CommentStatus } from './comment.schema';

/** The query string of staff's moderation list: which comments, and a page. */
export class CommentsQuery extends PageQuery {
  @QueryChoice(COMMENT_STATUSES, 'That is not a state of comments, so the waiting ones are shown.')
  status?: CommentStatus;
}
