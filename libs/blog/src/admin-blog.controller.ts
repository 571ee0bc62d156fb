import { Body, Controller, Get, HttpCode, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { FormPage, ListQuery, type ParsedQuery } from '@roundtable/core';
import { ReturnToAuthorDto, StaffPostDto } from './posts/post.dto';
import { PostListPages } from './posts/post-list-pages.service';
import { PostsQuery } from './posts/posts-query.dto';
import { PostsService } from './posts/posts.service';

/** Staff's blog desk: every post, the review queue, editing and publishing (comment moderation: comments/). */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin')
export class AdminBlogController {
  constructor(
    private readonly postsService: PostsService,
    private readonly postList: PostListPages,
  ) {}

  @Get('posts')
  @Render('admin/posts')
  list(@ListQuery(PostsQuery) query: ParsedQuery<PostsQuery>) {
    return this.postList.staffListPage(query);
  }

  @Get('posts/new')
  @Render('blog/edit')
  newPost(@CurrentMember() staff: SessionMember) {
    return this.postsService.staffEditorPage({ member: staff });
  }

  @Post('posts')
  @FormPage('blog/edit', PostsService, 'staffEditorPage')
  create(@CurrentMember() staff: SessionMember, @Body() form: StaffPostDto) {
    return this.postsService.create(staff, form, '/admin/posts');
  }

  /** The Preview button of a new post (declared before `posts/:id`, which would take "preview" for an id). */
  @Post('posts/preview')
  @HttpCode(200)
  @FormPage('blog/edit', PostsService, 'staffEditorPage')
  previewNew(@CurrentMember() staff: SessionMember, @Body() form: StaffPostDto) {
    return this.postsService.preview(staff, form, '/admin/posts');
  }

  @Get('posts/:id/edit')
  @Render('blog/edit')
  edit(@Param('id') id: string, @CurrentMember() staff: SessionMember) {
    return this.postsService.staffEditorPage({ member: staff, params: { id } });
  }

  @Post('posts/:id')
  @FormPage('blog/edit', PostsService, 'staffEditorPage')
  update(@Param('id') id: string, @CurrentMember() staff: SessionMember, @Body() form: StaffPostDto) {
    return this.postsService.update(id, staff, form, '/admin/posts');
  }

  @Post('posts/:id/preview')
  @HttpCode(200)
  @FormPage('blog/edit', PostsService, 'staffEditorPage')
  preview(@Param('id') id: string, @CurrentMember() staff: SessionMember, @Body() form: StaffPostDto) {
    return this.postsService.preview(staff, form, '/admin/posts', id);
  }

  @Post('posts/:id/return')
  @FormPage('blog/return', PostsService, 'returnPage')
  returnToAuthor(@Param('id') id: string, @Body() form: ReturnToAuthorDto) {
    return this.postsService.returnToAuthor(id, form.note);
  }
}
