import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { ConfirmDto, FormPage } from '@roundtable/core';
import { RosterProposals } from './roster-proposals.service';

/**
 * The roster changes members' profiles propose: the list, and accept or dismiss, each confirmed first.
 * Registered before AdminRosterController, whose `GET /admin/roster/:id` would otherwise take
 * `/admin/roster/proposals` for a tenure's id.
 */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/roster/proposals')
export class AdminProposalsController {
  constructor(private readonly proposals: RosterProposals) {}

  @Get()
  @Render('census/proposals')
  list() {
    return this.proposals.listPage();
  }

  @Get(':id/accept')
  @Render('confirm')
  acceptConfirm(@Param('id') id: string) {
    return this.proposals.acceptConfirmPage({ params: { id } });
  }

  @Post(':id/accept')
  @FormPage('confirm', RosterProposals, 'acceptConfirmPage')
  accept(@Param('id') id: string, @Body() _form: ConfirmDto) {
    return this.proposals.accept(id);
  }

  @Get(':id/dismiss')
  @Render('confirm')
  dismissConfirm(@Param('id') id: string) {
    return this.proposals.dismissConfirmPage({ params: { id } });
  }

  @Post(':id/dismiss')
  @FormPage('confirm', RosterProposals, 'dismissConfirmPage')
  dismiss(@Param('id') id: string, @Body() _form: ConfirmDto) {
    return this.proposals.dismiss(id);
  }
}
