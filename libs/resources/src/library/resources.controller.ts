import { Controller, Get, Header, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentMember, type SessionMember } from '@roundtable/auth';
import { PageOrAnswer } from '@roundtable/core';
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
  // Members-only bytes: not kept by shared caches.
  @Header('Cache-Control', 'private, no-store')
  @PageOrAnswer('resources/resource')
  download(@Param('id') id: string, @CurrentMember() viewer?: SessionMember) {
    return this.library.download(id, viewer);
  }
}
