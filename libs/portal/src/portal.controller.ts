import { Body, Controller, Get, Header, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, type SessionMember, SIGNED_IN } from '@roundtable/auth';
import { ConfirmDto, FormPage } from '@roundtable/core';
import { ProfileDto } from '@roundtable/members';
import { PortalService } from './portal.service';

/** The member portal: status, profile, data download and deletion request. */
@ApiExcludeController()
@Roles(...SIGNED_IN)
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get()
  @Render('portal/portal')
  home(@CurrentMember() member: SessionMember) {
    return this.portal.portalPage({ member });
  }

  @Get('profile')
  @Render('portal/profile')
  profile(@CurrentMember() member: SessionMember) {
    return this.portal.profilePage({ member });
  }

  @Post('profile')
  @FormPage('portal/profile', PortalService, 'profilePage')
  saveProfile(@CurrentMember() member: SessionMember, @Body() form: ProfileDto) {
    return this.portal.saveProfile(member.id, form);
  }

  @Get('data.json')
  @Header('Content-Disposition', 'attachment; filename="roundtable-my-data.json"')
  @Header('Cache-Control', 'no-store')
  exportData(@CurrentMember() member: SessionMember) {
    return this.portal.exportData(member.id);
  }

  @Get('delete')
  @Render('confirm')
  deletionConfirm() {
    return this.portal.deletionConfirmPage();
  }

  @Post('delete')
  @FormPage('confirm', PortalService, 'deletionConfirmPage')
  requestDeletion(@CurrentMember() member: SessionMember, @Body() _form: ConfirmDto) {
    return this.portal.requestDeletion(member.id);
  }

  @Post('delete/withdraw')
  @FormPage()
  withdrawDeletion(@CurrentMember() member: SessionMember) {
    return this.portal.withdrawDeletion(member.id);
  }
}
