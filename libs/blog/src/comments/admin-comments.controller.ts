import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, Roles, type SessionMember, STAFF } from '@roundtable/auth';
import { BadRequestError, FormPage } from '@roundtable/core';
import { CommentSettingsDto, DigestChoiceDto } from './comment-settings.dto';
import { CommentModerationService, MODERATION_ACTIONS, ModerationAction } from './comment-moderation.service';

/** Staff's comment desk: the moderation list, the digest and guest-comment settings, moderation actions. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/comments')
export class AdminCommentsController {
  constructor(private readonly moderation: CommentModerationService) {}

  @Get()
  @Render('admin/comments')
  moderationPage(@CurrentMember() staff: SessionMember) {
    return this.moderation.moderationPage({ member: staff });
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

  @Post(':id/:action')
  async moderate(@Param('id') id: string, @Param('action') verb: string, @Res() res: Response) {
    if (!(MODERATION_ACTIONS as readonly string[]).includes(verb)) {
      throw new BadRequestError('Choose approve, hide, spam or ban.');
    }
    await this.moderation.moderate(id, verb as ModerationAction);
    res.redirect(303, '/admin/comments');
  }
}
