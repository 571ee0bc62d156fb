import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

export class CsrfTokenDto {
  @ApiProperty({ description: 'Send it as the `x-csrf-token` header (or a form’s `_csrf` field) with each POST.' })
  csrfToken: string;
}

/** The CSRF token for API clients that keep a session (the session cookie this answer sets or reuses). */
@ApiTags('auth')
@Controller('api/auth')
export class CsrfController {
  @Get('csrf')
  @ApiOperation({ summary: 'The CSRF token of this session, to send with each POST' })
  @ApiOkResponse({ type: CsrfTokenDto })
  csrf(@Req() req: Request): CsrfTokenDto {
    return { csrfToken: req.csrfToken?.() ?? '' };
  }
}
