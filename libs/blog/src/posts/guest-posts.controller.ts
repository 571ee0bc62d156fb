import { Body, Controller, Get, HttpCode, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, RequiresEntitlement, type SessionMember } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { GuestPostDto } from './post.dto';
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
  newPost(@CurrentMember() member: SessionMember) {
    return this.postsService.guestEditorPage({ member });
  }

  @Post()
  @FormPage('blog/edit', PostsService, 'guestEditorPage')
  create(@CurrentMember() member: SessionMember, @Body() form: GuestPostDto) {
    return this.postsService.create(member, form, '/portal/posts');
  }

  /** The Preview button of a new guest post (declared before `:id`, which would take "preview" for an id). */
  @Post('preview')
  @HttpCode(200)
  @FormPage('blog/edit', PostsService, 'guestEditorPage')
  previewNew(@CurrentMember() member: SessionMember, @Body() form: GuestPostDto) {
    return this.postsService.preview(member, form, '/portal/posts');
  }

  @Get(':id/edit')
  @Render('blog/edit')
  edit(@Param('id') id: string, @CurrentMember() member: SessionMember) {
    return this.postsService.guestEditorPage({ member, params: { id } });
  }

  @Post(':id')
  @FormPage('blog/edit', PostsService, 'guestEditorPage')
  update(@Param('id') id: string, @CurrentMember() member: SessionMember, @Body() form: GuestPostDto) {
    return this.postsService.update(id, member, form, '/portal/posts');
  }

  @Post(':id/preview')
  @HttpCode(200)
  @FormPage('blog/edit', PostsService, 'guestEditorPage')
  preview(@Param('id') id: string, @CurrentMember() member: SessionMember, @Body() form: GuestPostDto) {
    return this.postsService.preview(member, form, '/portal/posts', id);
  }
}
