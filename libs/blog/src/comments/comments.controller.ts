import { Body, Controller, Get, Ip, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, type SessionMember, SIGNED_IN } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { CommentDto, CommentEditDto } from './comment.dto';
import { CommentPages } from './comment-pages.service';
import { CommentsService } from './comments.service';

/**
 * Writing, replying to, editing and deleting comments. Each form has its own page to come back to
 * with what was typed: the post page (a new comment), the reply page, the edit page.
 */
@ApiExcludeController()
@Controller('blog')
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly pages: CommentPages,
  ) {}

  @Post(':slug/comments')
  @FormPage('blog/post', CommentPages, 'postPage')
  add(
    @Param('slug') slug: string,
    @Body() form: CommentDto,
    @Ip() ip: string,
    @CurrentMember() viewer?: SessionMember,
  ) {
    return this.comments.add(slug, viewer, form, ip);
  }

  @Get('comments/:id/reply')
  @Render('blog/comment-reply')
  replyPage(@Param('id') id: string, @CurrentMember() viewer?: SessionMember) {
    return this.pages.replyPage({ member: viewer, params: { id } });
  }

  @Post('comments/:id/reply')
  @FormPage('blog/comment-reply', CommentPages, 'replyPage')
  reply(@Param('id') id: string, @Body() form: CommentDto, @Ip() ip: string, @CurrentMember() viewer?: SessionMember) {
    return this.comments.reply(id, viewer, form, ip);
  }

  @Get('comments/:id/edit')
  @Roles(...SIGNED_IN)
  @Render('blog/comment-edit')
  editPage(@Param('id') id: string, @CurrentMember() viewer: SessionMember) {
    return this.pages.editPage({ member: viewer, params: { id } });
  }

  @Post('comments/:id/edit')
  @Roles(...SIGNED_IN)
  @FormPage('blog/comment-edit', CommentPages, 'editPage')
  edit(@Param('id') id: string, @Body() form: CommentEditDto, @CurrentMember() viewer: SessionMember) {
    return this.comments.edit(id, viewer, form);
  }

  @Post('comments/:id/delete')
  @Roles(...SIGNED_IN)
  @FormPage()
  remove(@Param('id') id: string, @CurrentMember() viewer: SessionMember) {
    return this.comments.remove(id, viewer);
  }
}
