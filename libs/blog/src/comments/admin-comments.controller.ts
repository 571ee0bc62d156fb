import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { FormPage, ListQuery, type ParsedQuery } from '@roundtable/core';
import { CommentSettingsDto, DigestChoiceDto } from './comment-settings.dto';
import { CommentModerationService } from './comment-moderation.service';
import { CommentsQuery } from './comments-query.dto';
import { TakeDownDto } from './moderation.dto';

/**
 * Staff's comment desk: the moderation list, the digest and guest-comment settings, and the
 * moderation actions. Approving is one button; hiding, marking as spam and banning go through a
 * confirmation page (`GET /admin/comments/:id/:action`) whose form needs a tick.
 */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/comments')
export class AdminCommentsController {
  constructor(private readonly moderation: CommentModerationService) {}

  @Get()
  @Render('admin/comments')
  moderationPage(@CurrentMember() staff: SessionMember, @ListQuery(CommentsQuery) query: ParsedQuery<CommentsQuery>) {
    return this.moderation.moderationPage({ member: staff, query });
  }

  @Post('digest')
  @FormPage('admin/comments', CommentModerationService, 'moderationPage')
  digest(@CurrentMember() staff: SessionMember, @Body() form: DigestChoiceDto) {
    return this.moderation.chooseDigest(staff.id, form.frequency);
  }

  @Post('settings')
  @FormPage('admin/comments', CommentModerationService, 'moderationPage')
  settings(@Body() form: CommentSettingsDto) {
    return this.moderation.setGuestComments(form.guestComments !== undefined);
  }

  // Declared before `:id/:action`, which would otherwise take `approve` as a take-down.
  @Post(':id/approve')
  @FormPage()
  approve(@Param('id') id: string) {
    return this.moderation.approve(id);
  }

  @Get(':id/:action')
  @Render('admin/comment-confirm')
  confirmPage(@Param('id') id: string, @Param('action') action: string, @CurrentMember() staff: SessionMember) {
    return this.moderation.confirmPage({ member: staff, params: { id, action } });
  }

  @Post(':id/:action')
  @FormPage('admin/comment-confirm', CommentModerationService, 'confirmPage')
  takeDown(@Param('id') id: string, @Param('action') action: string, @Body() _form: TakeDownDto) {
    return this.moderation.takeDown(id, action);
  }
}
