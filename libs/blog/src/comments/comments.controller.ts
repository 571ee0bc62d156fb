import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentMember, Roles, type SessionMember, SIGNED_IN } from '@roundtable/auth';
import { BlogPages } from '../blog-pages.service';
import { CommentsService } from './comments.service';

/** Writing, editing and deleting comments. */
@ApiExcludeController()
@Controller('blog')
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly pages: BlogPages,
  ) {}

  @Post(':slug/comments')
  async add(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentMember() viewer?: SessionMember,
  ) {
    const post = await this.comments.postBySlug(slug);
    const result = await this.comments.add(post, viewer, body, req.ip ?? 'unknown');
    if ('problem' in result) {
      return res.status(422).render('blog/post', await this.pages.post(post.slug, viewer, result.problem));
    }
    const { comment } = result;
    res.redirect(
      303,
      `/blog/${post.slug}${comment.status === 'pending' ? '?comment=pending' : ''}#comment-${String(comment._id)}`,
    );
  }

  @Post('comments/:id/edit')
  @Roles(...SIGNED_IN)
  async edit(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @CurrentMember() viewer: SessionMember,
    @Res() res: Response,
  ) {
    const { comment, problem } = await this.comments.edit(id, viewer, body.body);
    const postSlug = await this.comments.postSlugOf(comment);
    if (problem && postSlug !== null) {
      return res.status(422).render('blog/post', await this.pages.post(postSlug, viewer, problem));
    }
    res.redirect(303, `/blog/${postSlug ?? ''}#comment-${id}`);
  }

  @Post('comments/:id/delete')
  @Roles(...SIGNED_IN)
  async remove(@Param('id') id: string, @CurrentMember() viewer: SessionMember, @Res() res: Response) {
    const comment = await this.comments.remove(id, viewer);
    const postSlug = await this.comments.postSlugOf(comment);
    res.redirect(303, `/blog/${postSlug ?? ''}#comments`);
  }
}
