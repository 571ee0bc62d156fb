import { Controller, Get, Param, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { ResourcesService } from './resources.service';

/** The resource library: everyone sees what is in it; entitled members download. */
@ApiExcludeController()
@Controller('resources')
export class ResourcesController {
  constructor(private readonly library: ResourcesService) {}

  @Get()
  @Render('resources/library')
  list(@CurrentMember() viewer?: SessionMember) {
    return this.library.library(viewer);
  }

  @Get(':id')
  @Render('resources/resource')
  resource(@Param('id') id: string, @CurrentMember() viewer?: SessionMember) {
    return this.library.resourcePage(id, viewer);
  }

  /** Streams the stored bytes to an entitled reader; anyone else gets the document's page with a 403. */
  @Get(':id/download')
  async download(@Param('id') id: string, @Res() res: Response, @CurrentMember() viewer?: SessionMember) {
    const outcome = await this.library.download(id, viewer);
    if (!outcome.allowed) {
      return res.status(403).render('resources/resource', outcome.page);
    }
    res.set(outcome.headers);
    outcome.stream.once('error', (error) => res.destroy(error)).pipe(res);
  }
}
