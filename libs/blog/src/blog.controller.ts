import { Body, Controller, Get, Header, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { PublicPage } from '@roundtable/core';
import { BlogPages } from './blog-pages.service';
import { slugify } from './posts/slug';

/**
 * The public blog (its first page is the site's home page, served by @roundtable/site): posts, tags, categories, authors, search, feed, sitemap, unsubscribe links.
 * `@PublicPage()` pages come from the page cache for visitors; the blog's repositories invalidate it.
 */
@ApiExcludeController()
@Controller()
export class BlogController {
  constructor(private readonly pages: BlogPages) {}

  /** The blog lives at the site root; `/blog` is where people guess it is. */
  @Get('blog')
  blogIndex(@Res() res: Response) {
    res.redirect(301, '/');
  }

  @PublicPage()
  @Get('blog/:slug')
  async post(
    @Param('slug') slug: string,
    @Res() res: Response,
    @CurrentMember() viewer?: SessionMember,
    @Query('comment') comment?: string,
  ) {
    const page = await this.pages.post(slug, viewer);
    return 'redirect' in page
      ? res.redirect(301, page.redirect as string)
      : res.render('blog/post', { ...page, heldForApproval: comment === 'pending' });
  }

  /** Labels are stored as slugs, so `/tags/Customer Success` moves to `/tags/customer-success`. */
  @PublicPage()
  @Get('tags/:tag')
  async tag(
    @Param('tag') tag: string,
    @Res() res: Response,
    @CurrentMember() viewer?: SessionMember,
    @Query('before') before?: string,
  ) {
    if (slugify(tag) !== tag) {
      return res.redirect(301, `/tags/${slugify(tag)}`);
    }
    const page = { title: `Tagged ${tag}`, heading: `Posts tagged “${tag}”`, path: `/tags/${tag}` };
    res.render(
      'blog/list',
      await this.pages.list(viewer, { tag, before }, { ...page, description: `Council posts tagged ${tag}.` }),
    );
  }

  @PublicPage()
  @Get('categories/:category')
  async category(
    @Param('category') category: string,
    @Res() res: Response,
    @CurrentMember() viewer?: SessionMember,
    @Query('before') before?: string,
  ) {
    if (slugify(category) !== category) {
      return res.redirect(301, `/categories/${slugify(category)}`);
    }
    const page = { title: category, heading: `Posts in “${category}”`, path: `/categories/${category}` };
    res.render(
      'blog/list',
      await this.pages.list(viewer, { category, before }, { ...page, description: `Council posts in ${category}.` }),
    );
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

  /** Unsubscribe links in comment emails: GET shows a button (mail scanners follow links), POST acts. */
  @Get('blog/unsubscribe/:kind/:token')
  @Render('blog/unsubscribe')
  unsubscribePage(@Param('kind') kind: string, @Param('token') token: string) {
    return { title: 'Stop these emails', kind: kind === 'post' ? 'post' : 'comment', token, done: false };
  }

  @Post('blog/unsubscribe/:kind/:token')
  async unsubscribe(
    @Param('kind') kind: string,
    @Param('token') token: string,
    @Req() _req: Request,
    @Res() res: Response,
    @Body() _body: unknown,
  ) {
    await this.pages.unsubscribe(kind, token);
    res.status(200).render('blog/unsubscribe', { title: 'Stop these emails', done: true });
  }
}
