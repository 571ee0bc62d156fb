import { Controller, Get, Header, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, Roles, STAFF, type SessionMember } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { Findings } from './findings.service';

/** Staff's "Draft a post" on a published report. */
@ApiExcludeController()
@Controller('admin/reports')
@Roles(...STAFF)
export class DraftPostController {
  constructor(private readonly findings: Findings) {}

  @Post(':id/draft-post')
  @FormPage()
  draftPost(@Param('id') id: string, @CurrentMember() staff: SessionMember) {
    return this.findings.draftPost(id, staff);
  }
}

/** The public share card of a published finding (OpenGraph and LinkedIn show it beside a link). */
@ApiExcludeController()
@Controller('research')
export class FindingCardController {
  constructor(private readonly findings: Findings) {}

  @Get(':id/card.png')
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'public, max-age=300')
  async card(@Param('id') id: string) {
    return new StreamableFile(await this.findings.card(id));
  }
}
