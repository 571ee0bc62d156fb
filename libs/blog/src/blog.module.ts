import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@roundtable/auth';
import { CountersModule } from '@roundtable/counters';
import { MailModule } from '@roundtable/mail';
import { JobsModule } from '@roundtable/jobs';
import { MembersModule } from '@roundtable/members';
import { NavigationRegistry } from '@roundtable/core';
import { AdminBlogController } from './admin-blog.controller';
import { AdminCommentsController } from './comments/admin-comments.controller';
import { BlogController } from './blog.controller';
import { BLOG_NAVIGATION } from './blog.navigation';
import { BlogPages } from './blog-pages.service';
import {
  BlogBan,
  BlogBanSchema,
  BlogSetting,
  BlogSettingSchema,
  Comment,
  CommentNotification,
  CommentNotificationSchema,
  CommentSchema,
} from './comments/comment.schema';
import { CommentDigest, CommentDigestSchema } from './comments/comment-digest.schema';
import { CommentDigestRepository } from './comments/comment-digest.repository';
import { CommentDigestJob, CommentDigestService } from './comments/comment-digest.service';
import { CommentModerationService } from './comments/comment-moderation.service';
import { CommentRepository } from './comments/comment.repository';
import { CommentsController } from './comments/comments.controller';
import { CommentsService } from './comments/comments.service';
import { CommentNotifier } from './comments/comment-notifier';
import { CommentPages } from './comments/comment-pages.service';
import { UnsubscribeController } from './comments/unsubscribe.controller';
import { UnsubscribeLinkRepository } from './comments/unsubscribe-link.repository';
import { UnsubscribeLinks } from './comments/unsubscribe-links.service';
import {
  BlogUnsubscribe,
  BlogUnsubscribeLink,
  BlogUnsubscribeLinkSchema,
  BlogUnsubscribeSchema,
} from './comments/unsubscribe-link.schema';
import { GuestPostsController } from './posts/guest-posts.controller';
import { Post, PostSchema } from './posts/post.schema';
import { PostRepository } from './posts/post.repository';
import { PostMailer } from './posts/post-mailer.service';
import { PostListPages } from './posts/post-list-pages.service';
import { AttachedReports } from './posts/attached-reports.service';
import { PostDrafts } from './posts/post-drafts.service';
import { PostsService } from './posts/posts.service';
import { SearchTermsBackfill } from './posts/search-terms.backfill';

/** The blog's collections, for the API and the worker alike. */
const BLOG_MODELS = MongooseModule.forFeature([
  { name: Post.name, schema: PostSchema },
  { name: Comment.name, schema: CommentSchema },
  { name: BlogSetting.name, schema: BlogSettingSchema },
  { name: BlogBan.name, schema: BlogBanSchema },
  { name: CommentNotification.name, schema: CommentNotificationSchema },
  { name: CommentDigest.name, schema: CommentDigestSchema },
  { name: BlogUnsubscribeLink.name, schema: BlogUnsubscribeLinkSchema },
  { name: BlogUnsubscribe.name, schema: BlogUnsubscribeSchema },
]);

/** The repositories and the services both apps run: one list, so the API and the worker cannot drift. */
const SHARED_PROVIDERS = [PostRepository, CommentRepository, CommentDigestRepository, CommentDigestService];

/** The council blog: posts, guest posts, comments and their moderation, feed and sitemap. */
@Module({
  imports: [BLOG_MODELS, AuthModule, MembersModule, MailModule, JobsModule, CountersModule],
  // The admin and guest controllers come before the public one, whose `/blog/:slug` is a catch-all.
  controllers: [
    AdminBlogController,
    AdminCommentsController,
    GuestPostsController,
    CommentsController,
    UnsubscribeController,
    BlogController,
  ],
  providers: [
    ...SHARED_PROVIDERS,
    PostsService,
    PostDrafts,
    PostListPages,
    PostMailer,
    AttachedReports,
    CommentsService,
    CommentNotifier,
    CommentPages,
    UnsubscribeLinkRepository,
    UnsubscribeLinks,
    CommentModerationService,
    BlogPages,
    SearchTermsBackfill,
  ],
  exports: [PostRepository, BlogPages, CommentRepository, PostDrafts],
})
export class BlogModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(BLOG_NAVIGATION);
  }
}

/** What the worker runs of the blog: the staff's comment digest. */
@Module({
  imports: [BLOG_MODELS, MembersModule, MailModule, JobsModule, CountersModule],
  providers: [...SHARED_PROVIDERS, CommentDigestJob],
  exports: [CommentDigestService, CommentDigestJob, CommentRepository],
})
export class BlogWorkerModule {}
