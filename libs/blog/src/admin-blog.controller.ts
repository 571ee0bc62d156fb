import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { PostAction, PostsService } from './posts/posts.service';
import { editorPage } from './posts/post-form';

const ACTIONS: PostAction[] = ['save', 'submit', 'publish'];
const action = (value: unknown): PostAction => (ACTIONS.includes(value as PostAction) ? (value as PostAction) : 'save');

/** Staff's blog desk: every post, the review queue, editing and publishing (comment moderation: comments/). */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin')
export class AdminBlogController {
  constructor(private readonly postsService: PostsService) {}

  @Get('posts')
  @Render('admin/posts')
  list() {
    return this.postsService.staffListPage();
  }

  @Get('posts/new')
  @Render('blog/edit')
  newPost() {
    return editorPage('/admin/posts', null, undefined);
  }

  @Post('posts')
  async create(@Body() body: Record<string, unknown>, @CurrentMember() staff: SessionMember, @Res() res: Response) {
    const result = await this.postsService.create(staff, body, action(body.action));
    if (!result.post) {
      return res.status(422).render('blog/edit', editorPage('/admin/posts', null, result.values, result.errors));
    }
    return res.redirect(303, `/admin/posts/${String(result.post._id)}/edit?saved=1`);
  }

  @Get('posts/:id/edit')
  async edit(@Param('id') id: string, @CurrentMember() staff: SessionMember, @Res() res: Response) {
    const post = await this.postsService.getForEditor(id, staff);
    res.render('blog/edit', editorPage('/admin/posts', post, undefined));
  }

  @Post('posts/:id')
  async update(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentMember() staff: SessionMember,
    @Res() res: Response,
  ) {
    const result = await this.postsService.update(id, staff, body, action(body.action));
    if (!result.post) {
      const post = await this.postsService.getOrFail(id);
      return res.status(422).render('blog/edit', editorPage('/admin/posts', post, result.values, result.errors));
    }
    return res.redirect(303, `/admin/posts/${id}/edit?saved=1`);
  }

  @Post('posts/:id/return')
  async returnToAuthor(@Param('id') id: string, @Body() body: Record<string, unknown>, @Res() res: Response) {
    await this.postsService.returnToAuthor(id, body.note);
    res.redirect(303, '/admin/posts');
  }
}
