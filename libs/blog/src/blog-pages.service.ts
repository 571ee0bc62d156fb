import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { isEntitled, isStaff, type SessionMember } from '@roundtable/auth';
import { appConfig, formatDate, formatDateTime, NotFoundError, PageAnswer, PageCache } from '@roundtable/core';
import { MemberRepository } from '@roundtable/members';
import { CommentRecord, CommentRepository } from './comments/comment.repository';
import { renderCommentMarkdown } from './comments/comment-markdown';
import { RenderedComments } from './comments/comment-threads-html';
import { atomFeed, FeedPost, robotsTxt, sitemap } from './feed/feed';
import { safeHttpUrl } from './posts/markdown';
import { AttachedReports } from './posts/attached-reports.service';
import { PostRecord, PostRepository } from './posts/post.repository';
import { queryTerms } from './posts/search-terms';
import { canRead, isPublished } from './posts/visibility';
import { cursorOf, parseCursor } from './posts/page-cursor';
import { slugify } from './posts/slug';

export const PAGE_SIZE = 10;
/** The feed carries the latest posts; the sitemap lists every public post, up to the protocol's 50,000 URLs. */
const FEED_SIZE = 50;
const SITEMAP_SIZE = 50_000;

/** The public blog pages: lists page by publication date (an indexed range), never by skip. */
@Injectable()
export class BlogPages {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly posts: PostRepository,
    private readonly comments: CommentRepository,
    private readonly members: MemberRepository,
    private readonly pageCache: PageCache,
    private readonly reports: AttachedReports,
  ) {}

  async list(
    viewer: SessionMember | undefined,
    options: { before?: unknown; tag?: string; category?: string; authorId?: string },
    page: { title: string; heading: string; path: string; description: string },
  ) {
    const before = parseCursor(options.before);
    const rows = await this.posts.listPublished(new Date(), { ...options, before, limit: PAGE_SIZE + 1 });
    const posts = rows.slice(0, PAGE_SIZE).map((post) => this.card(post, viewer));
    const last = rows[PAGE_SIZE - 1];
    return {
      ...page,
      // Each page of a list is its own page to search engines, so its canonical address keeps the cursor.
      canonical: `${this.app.baseUrl}${page.path}${before ? `?before=${encodeURIComponent(String(options.before))}` : ''}`,
      posts,
      next: rows.length > PAGE_SIZE && last ? `${page.path}?before=${encodeURIComponent(cursorOf(last))}` : null,
    };
  }

  async search(viewer: SessionMember | undefined, query: unknown) {
    const text = typeof query === 'string' ? query.trim().slice(0, 80) : '';
    const terms = queryTerms(text);
    const posts =
      terms.length > 0
        ? (await this.posts.searchPublished(new Date(), terms, 30)).map((post) => this.card(post, viewer))
        : [];
    return {
      title: text ? `Search: ${text}` : 'Search',
      heading: 'Search the blog',
      query: text,
      posts,
      path: '/search',
      canonical: `${this.app.baseUrl}/search`,
      description: 'Search the council blog by title or tag.',
      noindex: true,
    };
  }

  /**
   * An author's page exists only for someone with a published post: member ids are guessable, and
   * applicants and members who never wrote are not public people. It shows the byline an author
   * profile carries (name, title, company, LinkedIn, picture) and nothing else of the member.
   */
  async author(viewer: SessionMember | undefined, authorId: string, before: unknown) {
    const [published] = /^[a-f0-9]{24}$/.test(authorId)
      ? await this.posts.listPublished(new Date(), { authorId, limit: 1 })
      : [];
    const member = published ? await this.members.findById(authorId) : null;
    if (!member) {
      throw new NotFoundError('There is no such author.');
    }
    const page = await this.list(
      viewer,
      { authorId, before },
      {
        title: member.name,
        heading: `Posts by ${member.name}`,
        path: `/authors/${authorId}`,
        description: `Posts by ${member.name} on the Roundtable council blog.`,
      },
    );
    return {
      ...page,
      author: {
        name: member.name,
        title: member.profile?.title,
        company: member.profile?.company,
        // Profile fields are typed by people and may be missing or odd: only http(s) addresses become links.
        linkedinUrl: safeHttpUrl(member.profile?.linkedinUrl),
        pictureUrl: safeHttpUrl(member.pictureUrl),
      },
    };
  }

  /**
   * A tag's or a category's page. Labels are stored as slugs, so `/tags/Customer Success` moves to
   * `/tags/customer-success`.
   */
  async labelPage(kind: 'tag' | 'category', label: string, viewer: SessionMember | undefined, before: unknown) {
    const path = `/${kind === 'tag' ? 'tags' : 'categories'}/`;
    if (slugify(label) !== label) {
      return PageAnswer.moved(`${path}${slugify(label)}`);
    }
    const page =
      kind === 'tag'
        ? {
            title: `Tagged ${label}`,
            heading: `Posts tagged “${label}”`,
            description: `Council posts tagged ${label}.`,
          }
        : { title: label, heading: `Posts in “${label}”`, description: `Council posts in ${label}.` };
    const filter = kind === 'tag' ? { tag: label, before } : { category: label, before };
    return this.list(viewer, filter, { ...page, path: `${path}${label}` });
  }

  /**
   * A post page, or where its old slug now lives; drafts and future posts are not found except by
   * staff. `heldForApproval` says the reader's comment waits for staff.
   */
  async post(
    slug: string,
    viewer: SessionMember | undefined,
    heldForApproval = false,
  ): Promise<PageAnswer | Record<string, unknown>> {
    const page = await this.postPage(slug, viewer, heldForApproval);
    return PageAnswer.is(page) ? page : page.model;
  }

  /**
   * The post page as its GET answers it: rendered once per version of what it shows and shared by
   * readers of one role (`PageAnswer.kept`), each view with its own CSRF token. A refused comment
   * form shows the page from `post`, rendered whole with what was typed.
   */
  async keptPost(slug: string, viewer: SessionMember | undefined, heldForApproval = false): Promise<PageAnswer> {
    const page = await this.postPage(slug, viewer, heldForApproval);
    if (PageAnswer.is(page)) {
      return page;
    }
    return this.pageCache.enabled
      ? PageAnswer.kept(page.key, page.model)
      : PageAnswer.page(200, 'blog/post', page.model);
  }

  private async postPage(
    slug: string,
    viewer: SessionMember | undefined,
    heldForApproval: boolean,
  ): Promise<PageAnswer | { model: Record<string, unknown>; key: string }> {
    // Members and staff get the live page, built from what visitors' pages show: read once per
    // public-pages version (`PageCache.remember`), not per view (each read scans on FerretDB v1). The
    // version is taken first, so what is read below is never older than the version the page is kept under.
    const version = await this.pageCache.currentVersion();
    const post = await this.pageCache.remember(`post:${slug}`, () => this.posts.findBySlug(slug));
    if (!post) {
      const movedTo = await this.posts.findByPreviousSlug(slug);
      if (movedTo) {
        return PageAnswer.moved(`/blog/${movedTo.slug}`);
      }
      throw new NotFoundError('There is no post at this address.');
    }
    const staff = isStaff(viewer);
    const published = isPublished(post);
    if (!published && !staff && post.authorId !== viewer?.id) {
      throw new NotFoundError('There is no post at this address.');
    }
    const readable = canRead(post, viewer);
    const comments = readable ? await this.commentsOf(String(post._id), viewer) : null;
    const settings = await this.pageCache.remember('comment-settings', () => this.comments.getSettings());
    const canComment = readable && (viewer ? isEntitled(viewer, 'comment') : settings.guestComments);
    const now = new Date();
    // The attached report's card goes with the post's text (its findings only to those who may read them).
    const report = readable ? await this.reports.card(post.reportId, viewer) : null;
    const model = {
      title: post.title,
      description: post.excerpt,
      canonical: `${this.app.baseUrl}/blog/${post.slug}`,
      ogType: 'article',
      image: post.coverImageUrl,
      post: this.card(post, viewer),
      bodyHtml: readable ? post.bodyHtml : null,
      report,
      preview: !published,
      // Shown only when the post is readable (the template shows comments with the post's text).
      threadsHtml: comments ? comments.threadsHtml(viewer?.id, canComment, now) : '',
      canComment,
      guestComments: settings.guestComments,
      heldForApproval,
    };
    // What differs between readers of this version of the post, besides their role and CSRF token.
    const readerKey = JSON.stringify([
      readable,
      published,
      comments ? comments.readerKey(viewer?.id, canComment, now) : null,
      heldForApproval,
      report,
    ]);
    return { model, key: `${version}:${slug}:${readerKey}` };
  }

  /**
   * A post's comments as `viewer` sees them (their own pending ones too), per public-pages version,
   * each with its HTML and date in words: a comment saved before Markdown has none stored, and
   * rendering and sanitising it on every view was a quarter of a signed-in post page's CPU time (50
   * comments, measured); formatting dates with Intl was a few percent more. The threads' HTML is kept
   * with them (RenderedComments), so it is consistent with exactly these comments.
   */
  private commentsOf(
    postId: string,
    viewer: SessionMember | undefined,
  ): Promise<RenderedComments<CommentRecord & { dateInWords: string }>> {
    return this.pageCache.remember(
      `comments:${postId}:${viewer?.id ?? ''}`,
      async () =>
        new RenderedComments(
          (await this.comments.listForPost(postId, { memberId: viewer?.id })).map((comment) => ({
            ...comment,
            bodyHtml: comment.bodyHtml ?? renderCommentMarkdown(comment.body),
            dateInWords: formatDateTime(comment.createdAt),
          })),
        ),
    );
  }

  async feed(): Promise<string> {
    return atomFeed(this.app.baseUrl, await this.publicPosts(FEED_SIZE));
  }

  robots(): string {
    return robotsTxt(this.app.baseUrl);
  }

  async sitemap(): Promise<string> {
    return sitemap(this.app.baseUrl, await this.publicPosts(SITEMAP_SIZE));
  }

  /** Exactly the public, published posts. */
  private async publicPosts(limit: number): Promise<FeedPost[]> {
    const posts = await this.posts.listPublished(new Date(), { publicOnly: true, limit });
    return posts.map((post) => ({ ...post, publishedAt: post.publishedAt!, updatedAt: post.updatedAt }));
  }

  private card(post: PostRecord, viewer: SessionMember | undefined) {
    return {
      id: String(post._id),
      title: post.title,
      slug: post.slug,
      excerpt: post.excerpt,
      coverImageUrl: post.coverImageUrl,
      authorId: post.authorId,
      authorName: post.authorName,
      guest: post.guest,
      tags: post.tags,
      categories: post.categories,
      visibility: post.visibility,
      locked: !canRead(post, viewer),
      publishedAt: post.publishedAt,
      date: post.publishedAt ? formatDate(post.publishedAt) : 'not published',
    };
  }
}
