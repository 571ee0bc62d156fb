import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Model, QueryFilter, Types } from 'mongoose';
import { duplicateAsConflict, insertOrConflict, type KeysetPlan, objectIdKeyset, PageCache } from '@roundtable/core';
import { Post } from './post.schema';

export type PostRecord = Post & { _id: Types.ObjectId };

/** Published means: status published, or scheduled whose time has come. */
export function publishedFilter(now: Date): QueryFilter<Post> {
  return { status: { $in: ['published', 'scheduled'] }, publishedAt: { $lte: now } };
}

/** The only code that touches the posts collection. Every write that public pages show invalidates them. */
@Injectable()
export class PostRepository {
  constructor(
    @InjectModel(Post.name) private readonly posts: Model<Post>,
    private readonly pageCache: PageCache,
  ) {}

  async create(fields: Partial<Post>): Promise<PostRecord> {
    const post = (await insertOrConflict(this.posts, fields, slugTaken(fields.slug))) as PostRecord;
    await this.pageCache.invalidate();
    return post;
  }

  async update(id: string, fields: Partial<Post>, extra: { addPreviousSlug?: string } = {}): Promise<void> {
    const addSlug = extra.addPreviousSlug ? { $addToSet: { previousSlugs: extra.addPreviousSlug } } : {};
    await duplicateAsConflict(this.posts.updateOne({ _id: id }, { $set: fields, ...addSlug }), slugTaken(fields.slug));
    await this.pageCache.invalidate();
  }

  /** Moves a post from one status to another only if it is still in `from` (a guarded update). */
  async changeStatus(id: string, from: Post['status'][], fields: Partial<Post>): Promise<boolean> {
    const result = await this.posts.updateOne({ _id: id, status: { $in: from } }, { $set: fields });
    await this.pageCache.invalidate();
    return result.modifiedCount === 1;
  }

  findById(id: string): Promise<PostRecord | null> {
    return isValidObjectId(id) ? this.posts.findById(id).lean<PostRecord>() : Promise.resolve(null);
  }

  /** Titles and slugs of some posts (the moderation page names each comment's post). */
  findTitles(ids: string[]): Promise<Pick<PostRecord, '_id' | 'title' | 'slug'>[]> {
    const valid = ids.filter((id) => isValidObjectId(id));
    return this.posts
      .find({ _id: { $in: valid } })
      .select({ title: 1, slug: 1 })
      .lean<Pick<PostRecord, '_id' | 'title' | 'slug'>[]>();
  }

  findBySlug(slug: string): Promise<PostRecord | null> {
    return this.posts.findOne({ slug }).lean<PostRecord>();
  }

  findByPreviousSlug(slug: string): Promise<PostRecord | null> {
    return this.posts.findOne({ previousSlugs: slug }).lean<PostRecord>();
  }

  /** Is the slug free (as a slug or an old slug) for this post? */
  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    const other = await this.posts.findOne({ $or: [{ slug }, { previousSlugs: slug }] }).lean<PostRecord>();
    return Boolean(other && String(other._id) !== exceptId);
  }

  /**
   * Published posts, newest first, optionally by tag/category/author, without their bodies. Pages go
   * by a cursor (the last post's date and id, so posts sharing a date are neither lost nor repeated).
   */
  listPublished(
    now: Date,
    options: {
      before?: { publishedAt: Date; id: string };
      tag?: string;
      category?: string;
      authorId?: string;
      publicOnly?: boolean;
      limit: number;
    },
  ) {
    const query: Record<string, unknown> = { ...publishedFilter(now) };
    if (options.before) {
      const { publishedAt, id } = options.before;
      query.$or = [{ publishedAt: { $lt: publishedAt } }, { publishedAt, _id: { $lt: new Types.ObjectId(id) } }];
    }
    if (options.tag) {
      query.tags = options.tag;
    }
    if (options.category) {
      query.categories = options.category;
    }
    if (options.publicOnly) {
      query.visibility = 'public';
    }
    if (options.authorId) {
      query.authorId = options.authorId;
    }
    return this.posts
      .find(query)
      .select({ bodyMarkdown: 0, bodyHtml: 0 })
      .sort({ publishedAt: -1, _id: -1 })
      .limit(options.limit)
      .lean<PostRecord[]>();
  }

  /**
   * Search over published posts by title and tag words: each query word must be one of the post's
   * stored `searchTerms` (words and their prefixes), an indexed match rather than a scan.
   */
  searchPublished(now: Date, terms: string[], limit: number) {
    return this.posts
      .find({ ...publishedFilter(now), searchTerms: { $all: terms } })
      .select({ bodyMarkdown: 0, bodyHtml: 0, searchTerms: 0 })
      .sort({ publishedAt: -1 })
      .limit(limit)
      .lean<PostRecord[]>();
  }

  /** Posts saved before search terms existed (a one-off at start-up; at most a few hundred posts). */
  findWithoutSearchTerms(limit: number) {
    return this.posts
      .find({ searchTerms: { $exists: false } })
      .select({ title: 1, tags: 1 })
      .limit(limit)
      .lean<Pick<PostRecord, '_id' | 'title' | 'tags'>[]>();
  }

  async setSearchTerms(id: Types.ObjectId, terms: string[]): Promise<void> {
    await this.posts.updateOne({ _id: id }, { $set: { searchTerms: terms } });
    await this.pageCache.invalidate();
  }

  /** One page of staff's post list: optionally one status and staff's or guests' posts, in the plan's range. */
  listPage(filter: { status?: Post['status']; guest?: boolean }, keyset: KeysetPlan): Promise<PostRecord[]> {
    const plan = objectIdKeyset(keyset);
    const query: Record<string, unknown> = {};
    if (filter.status) {
      query.status = filter.status;
    }
    if (filter.guest !== undefined) {
      query.guest = filter.guest;
    }
    return this.posts
      .find(plan.range ? { $and: [query, plan.range] } : query)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<PostRecord[]>();
  }

  listByStatus(statuses: Post['status'][], limit = 100) {
    return this.posts
      .find({ status: { $in: statuses } })
      .sort({ updatedAt: -1 })
      .limit(limit)
      .lean<PostRecord[]>();
  }

  listByAuthor(authorId: string, limit = 100) {
    return this.posts.find({ authorId }).sort({ updatedAt: -1 }).limit(limit).lean<PostRecord[]>();
  }

  /** Posts still holding a raw unsubscribe token from before links were hashed (the start-up backfill). */
  findWithRawUnsubscribeToken(limit: number): Promise<Array<{ _id: Types.ObjectId; unsubscribeToken: string }>> {
    return this.posts
      .find({ unsubscribeToken: { $type: 'string' } }, { unsubscribeToken: 1 })
      .limit(limit)
      .lean<Array<{ _id: Types.ObjectId; unsubscribeToken: string }>>();
  }

  async clearRawUnsubscribeToken(id: string): Promise<void> {
    await this.posts.updateOne({ _id: id }, { $unset: { unsubscribeToken: 1 } });
  }
}

function slugTaken(slug: string | undefined): string {
  return `Another post already uses the address “${slug}”. Please choose another.`;
}
