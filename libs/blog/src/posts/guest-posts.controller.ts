import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, RequiresEntitlement, type SessionMember } from '@roundtable/auth';
import { editorPage } from './post-form';
import { PostsService } from './posts.service';

/** Members' guest posts ("Member guest blog"): write, submit for review, revise when returned. */
@ApiExcludeController()
@RequiresEntitlement('guest_post')
@Controller('portal/posts')
export class GuestPostsController {
  constructor(private readonly postsService: PostsService) {}

  @Get()
  @Render('blog/my-posts')
  mine(@CurrentMember() member: SessionMember) {
    return this.postsService.guestListPage(member.id);
  }

  @Get('new')
  @Render('blog/edit')
  newPost() {
    return editorPage('/portal/posts', null, undefined);
  }

  @Post()
  async create(@Body() body: Record<string, unknown>, @CurrentMember() member: SessionMember, @Res() res: Response) {
    const result = await this.postsService.create(member, body, body.action === 'submit' ? 'submit' : 'save');
    if (!result.post) {
      return res.status(422).render('blog/edit', editorPage('/portal/posts', null, result.values, result.errors));
    }
    return res.redirect(303, '/portal/posts');
  }

  @Get(':id/edit')
  async edit(@Param('id') id: string, @CurrentMember() member: SessionMember, @Res() res: Response) {
    const post = await this.postsService.getForEditor(id, member);
    res.render('blog/edit', editorPage('/portal/posts', post, undefined));
  }

  @Post(':id')
  async update(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentMember() member: SessionMember,
    @Res() res: Response,
  ) {
    const result = await this.postsService.update(id, member, body, body.action === 'submit' ? 'submit' : 'save');
    if (!result.post) {
      const post = await this.postsService.getOrFail(id);
      return res.status(422).render('blog/edit', editorPage('/portal/posts', post, result.values, result.errors));
    }
    return res.redirect(303, '/portal/posts');
  }
}
