import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const POST_STATUSES = ['draft', 'in_review', 'scheduled', 'published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const VISIBILITIES = ['public', 'members', 'tiers'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A blog post. The Markdown is kept for editing; the sanitised HTML is rendered once, at save. */
@Schema({ collection: 'posts', timestamps: true })
export class Post {
  @Prop({ required: true, trim: true }) title: string;
  @Prop({ required: true }) slug: string;
  /** Old slugs, which redirect here. */
  @Prop({ type: [String], default: [] }) previousSlugs: string[];
  @Prop({ default: '' }) bodyMarkdown: string;
  @Prop({ default: '' }) bodyHtml: string;
  @Prop({ default: '' }) excerpt: string;
  /**
   * Staff wrote the excerpt; otherwise it is the post's first lines, written again from the body at
   * each save. Posts saved before this field existed have none (see `excerptByHand()`).
   */
  @Prop({ type: Boolean }) excerptByHand?: boolean;
  @Prop({ type: String, default: null }) coverImageUrl: string | null;
  @Prop({ required: true }) authorId: string;
  @Prop({ required: true }) authorName: string;
  /** A member's guest post ("Member guest blog"). */
  @Prop({ default: false }) guest: boolean;
  @Prop({ type: [String], default: [] }) tags: string[];
  @Prop({ type: [String], default: [] }) categories: string[];
  /** Title and tag words with their prefixes, for search (see search-terms.ts). */
  @Prop({ type: [String] }) searchTerms: string[];
  @Prop({ type: String, enum: POST_STATUSES, default: 'draft' }) status: PostStatus;
  @Prop({ type: String, enum: VISIBILITIES, default: 'public' }) visibility: Visibility;
  /** For visibility `tiers`: the tier slugs that may read it. */
  @Prop({ type: [String], default: [] }) tiers: string[];
  @Prop({ type: Date, default: null }) publishedAt: Date | null;
  /** Staff's note when they return a guest post to its author. */
  @Prop({ type: String, default: null }) reviewNote: string | null;
  /** The author can turn off comment emails (link in each email). */
  @Prop({ default: true }) notifyAuthor: boolean;
  /** Only on posts saved before unsubscribe links were hashed; the start-up backfill removes it. */
  @Prop({ type: String }) unsubscribeToken?: string;
  /** A published research report shown as a card under the post (its survey id; staff pick it). */
  @Prop({ type: String, default: null }) reportId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PostSchema = SchemaFactory.createForClass(Post);
// Post page by slug; one post per slug.
PostSchema.index({ slug: 1 }, { unique: true });
// Redirects from an old slug.
PostSchema.index({ previousSlugs: 1 });
// Home, feed and sitemap: published posts, newest first.
PostSchema.index({ status: 1, publishedAt: -1 });
// Tag and category pages.
PostSchema.index({ tags: 1, publishedAt: -1 });
PostSchema.index({ categories: 1, publishedAt: -1 });
// Search: posts carrying every query word.
PostSchema.index({ searchTerms: 1, publishedAt: -1 });
// Staff's post list, keyset-paged on (updatedAt, _id), newest change first: every post, by status,
// or staff's or guests' posts.
PostSchema.index({ updatedAt: -1, _id: -1 });
PostSchema.index({ status: 1, updatedAt: -1, _id: -1 });
PostSchema.index({ guest: 1, updatedAt: -1, _id: -1 });
// Author pages and "my guest posts".
PostSchema.index({ authorId: 1, publishedAt: -1 });
