import { Injectable } from '@nestjs/common';
import { keysetPage, keysetPlan, pageLinks, type ParsedQuery, type SortKey } from '@roundtable/core';
import { STATUS_LABELS } from './post-form';
import { PostRepository } from './post.repository';
import { PostsQuery } from './posts-query.dto';

/** Most recently changed first; posts saved in the same millisecond keep one order by `_id`. */
const ORDER: SortKey[] = [
  { field: 'updatedAt', direction: -1 },
  { field: '_id', direction: -1 },
];

/** Staff's list of posts: the review queue on top, then every post a page at a time, filtered. */
@Injectable()
export class PostListPages {
  constructor(private readonly posts: PostRepository) {}

  async staffListPage({ value, ignored }: ParsedQuery<PostsQuery>) {
    const plan = keysetPlan(ORDER, value);
    const guest = value.by === undefined ? undefined : value.by === 'guest';
    const page = keysetPage(await this.posts.listPage({ status: value.status, guest }, plan), plan);
    const filters = {
      status: value.status,
      by: value.by,
      size: value.size,
    };
    const filtered = value.status !== undefined || value.by !== undefined;
    return {
      title: 'Posts',
      // The queue is short by nature (guest posts waiting for staff); it leads the unfiltered first page.
      review: filtered || value.after || value.before ? null : await this.posts.listByStatus(['in_review'], 20),
      posts: page.rows,
      filter: filters,
      statuses: Object.entries(STATUS_LABELS).map(([status, label]) => ({ value: status, label })),
      ignored,
      links: pageLinks('/admin/posts', filters, page),
      labels: STATUS_LABELS,
      // A scheduled post whose time has come is live; the list says so.
      now: new Date(),
    };
  }
}
