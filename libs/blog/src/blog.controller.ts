import { Body, Controller, Get, Header, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { BadRequestError } from '@roundtable/core';
import { BlogPages } from './blog-pages.service';
import { CommentRepository } from './comment.repository';
import { PostRepository } from './post.repository';

/** The public blog: home, posts, tags, categories, authors, search, feed, sitemap, unsubscribe links. */
@ApiExcludeController()
@Controller()
export class BlogController {
  constructor(
    private readonly pages: BlogPages,
    private readonly posts: PostRepository,
    private readonly comments: CommentRepository,
  ) {}

  @Get()
  @Render('blog/list')
  home(@CurrentMember() viewer?: SessionMember, @Query('before') before?: string) {
    return this.pages.list(
      viewer,
      { before },
      {
        title: 'The council blog',
        heading: 'From the council',
        path: '/',
        description: 'Posts by the Roundtable council of Chief Customer Officers and its members.',
      },
    );
  }

  @Get('blog/:slug')
  async post(@Param('slug') slug: string, @Res() res: Response, @CurrentMember() viewer?: SessionMember) {
    const page = await this.pages.post(slug, viewer);
    return 'redirect' in page ? res.redirect(301, page.redirect as string) : res.render('blog/post', page);
  }

  @Get('tags/:tag')
  @Render('blog/list')
  tag(@Param('tag') tag: string, @CurrentMember() viewer?: SessionMember, @Query('before') before?: string) {
    return this.pages.list(
      viewer,
      { tag, before },
      {
        title: `Tagged ${tag}`,
        heading: `Posts tagged “${tag}”`,
        path: `/tags/${tag}`,
        description: `Council posts tagged ${tag}.`,
      },
    );
  }

  @Get('categories/:category')
  @Render('blog/list')
  category(
    @Param('category') category: string,
    @CurrentMember() viewer?: SessionMember,
    @Query('before') before?: string,
  ) {
    return this.pages.list(
      viewer,
      { category, before },
      {
        title: category,
        heading: `Posts in “${category}”`,
        path: `/categories/${category}`,
        description: `Council posts in ${category}.`,
      },
    );
  }

  @Get('authors/:id')
  @Render('blog/list')
  author(@Param('id') id: string, @CurrentMember() viewer?: SessionMember, @Query('before') before?: string) {
    return this.pages.author(viewer, id, before);
  }

  @Get('search')
  @Render('blog/list')
  search(@Query('q') q: string, @CurrentMember() viewer?: SessionMember) {
    return this.pages.search(viewer, q);
  }

  @Get('feed.xml')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  feed() {
    return this.pages.feed();
  }

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
    const done =
      kind === 'post'
        ? await this.posts.disableAuthorNotifications(token)
        : await this.comments.disableReplyNotifications(token);
    if (!done) {
      throw new BadRequestError('This unsubscribe link is not valid.');
    }
    res.status(200).render('blog/unsubscribe', { title: 'Stop these emails', done: true });
  }
}
