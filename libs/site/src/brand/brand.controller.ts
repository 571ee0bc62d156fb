import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { LIBS_ROOT } from '@roundtable/core';

/** The build copies this folder beside the compiled code (nest-cli.json assets), so it is found in both. */
const ASSETS = join(LIBS_ROOT, 'site', 'src', 'assets');
const DAY_SECONDS = 24 * 60 * 60;

/**
 * The wordmark, favicon and share image, served by the app itself. Fixed names only: no request
 * chooses a path on disk.
 */
@ApiExcludeController()
@Controller()
export class BrandController {
  @Get('favicon.ico')
  favicon(@Res() res: Response) {
    this.send(res, 'favicon.ico', 'image/x-icon');
  }

  @Get('brand/favicon.svg')
  faviconSvg(@Res() res: Response) {
    this.send(res, 'favicon.svg', 'image/svg+xml');
  }

  @Get('brand/logo.svg')
  logo(@Res() res: Response) {
    this.send(res, 'logo.svg', 'image/svg+xml');
  }

  @Get('brand/apple-touch-icon.png')
  touchIcon(@Res() res: Response) {
    this.send(res, 'apple-touch-icon.png', 'image/png');
  }

  @Get('brand/share.png')
  share(@Res() res: Response) {
    this.send(res, 'share.png', 'image/png');
  }

  private send(res: Response, name: string, type: string): void {
    res.type(type);
    res.sendFile(name, {
      root: ASSETS,
      maxAge: DAY_SECONDS * 1000,
      headers: { 'Cache-Control': `public, max-age=${DAY_SECONDS}` },
    });
  }
}
