import { Body, Controller, Get, Header, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, Roles, type SessionMember, SIGNED_IN } from '@roundtable/auth';
import { PortalService } from './portal.service';

/** The member portal: status, profile, data download and deletion request. */
@ApiExcludeController()
@Roles(...SIGNED_IN)
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get()
  @Render('portal/portal')
  async home(@CurrentMember() member: SessionMember, @Query('notice') notice?: string) {
    return {
      ...(await this.portal.portal(member.id)),
      notice: notice === 'deletion' ? 'deletion' : notice === 'saved' ? 'saved' : null,
    };
  }

  @Get('profile')
  @Render('portal/profile')
  async profile(@CurrentMember() member: SessionMember) {
    return this.portal.profileForm(await this.portal.getOrFail(member.id));
  }

  @Post('profile')
  async saveProfile(
    @CurrentMember() member: SessionMember,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    const invalid = await this.portal.saveProfile(member.id, body);
    if (invalid) {
      const record = await this.portal.getOrFail(member.id);
      return res.status(422).render('portal/profile', this.portal.profileForm(record, invalid.values, invalid.errors));
    }
    return res.redirect(303, '/portal?notice=saved');
  }

  @Get('data.json')
  @Header('Content-Disposition', 'attachment; filename="roundtable-my-data.json"')
  @Header('Cache-Control', 'no-store')
  exportData(@CurrentMember() member: SessionMember) {
    return this.portal.exportData(member.id);
  }

  @Post('delete')
  async requestDeletion(@CurrentMember() member: SessionMember, @Res() res: Response) {
    await this.portal.requestDeletion(member.id);
    res.redirect(303, '/portal?notice=deletion');
  }
}
