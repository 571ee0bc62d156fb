import { Controller, Get, Header, Param, Query, Redirect, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { PageOrAnswer, PublicPage } from '@roundtable/core';
import { BlogPages } from './blog-pages.service';

/**
 * The public blog (its first page is the site's home page, served by @roundtable/site): posts, tags, categories, authors, search, feed, sitemap (unsubscribe links: comments/unsubscribe.controller.ts).
 * `@PublicPage()` pages come from the page cache for visitors; the blog's repositories invalidate it.
 */
@ApiExcludeController()
@Controller()
export class BlogController {
  constructor(private readonly pages: BlogPages) {}

  /** The blog lives at the site root; `/blog` is where people guess it is. */
  @Get('blog')
  @Redirect('/', 301)
  blogIndex() {}

  @PublicPage()
  @Get('blog/:slug')
  @PageOrAnswer('blog/post')
  post(@Param('slug') slug: string, @CurrentMember() viewer?: SessionMember, @Query('comment') comment?: string) {
    return this.pages.keptPost(slug, viewer, comment === 'pending');
  }

  @PublicPage()
  @Get('tags/:tag')
  @PageOrAnswer('blog/list')
  tag(@Param('tag') tag: string, @CurrentMember() viewer?: SessionMember, @Query('before') before?: string) {
    return this.pages.labelPage('tag', tag, viewer, before);
  }

  @PublicPage()
  @Get('categories/:category')
  @PageOrAnswer('blog/list')
  category(
    @Param('category') category: string,
    @CurrentMember() viewer?: SessionMember,
    @Query('before') before?: string,
  ) {
    return this.pages.labelPage('category', category, viewer, before);
  }

  @PublicPage()
  @Get('authors/:id')
  @Render('blog/list')
  author(@Param('id') id: string, @CurrentMember() viewer?: SessionMember, @Query('before') before?: string) {
    return this.pages.author(viewer, id, before);
  }

  @PublicPage()
  @Get('search')
  @Render('blog/list')
  search(@Query('q') q: string, @CurrentMember() viewer?: SessionMember) {
    return this.pages.search(viewer, q);
  }

  @PublicPage()
  @Get('feed.xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  feed() {
    return this.pages.feed();
  }

  @PublicPage()
  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  robots() {
    return this.pages.robots();
  }

  @PublicPage()
  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  sitemap() {
    return this.pages.sitemap();
  }
}
