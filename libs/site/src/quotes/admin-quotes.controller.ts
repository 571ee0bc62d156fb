import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, STAFF } from '@roundtable/auth';
import { QuoteAdmin } from './quote-admin.service';

/** Staff's list of members' quotes for the join page: add, order, hide, delete. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/site/quotes')
export class AdminQuotesController {
  constructor(private readonly quotes: QuoteAdmin) {}

  @Get()
  @Render('admin/site-quotes')
  list(@Query('notice') notice?: string) {
    return this.quotes.page(undefined, undefined, notice === 'added' ? 'added' : null);
  }

  @Post()
  async add(@Body() body: Record<string, unknown>, @Res() res: Response) {
    const invalid = await this.quotes.add(body);
    if (invalid) {
      return res.status(422).render('admin/site-quotes', await this.quotes.page(invalid.values, invalid.errors));
    }
    return res.redirect(303, '/admin/site/quotes?notice=added');
  }

  @Post(':id/:action')
  async act(@Param('id') id: string, @Param('action') action: string, @Res() res: Response) {
    await this.quotes.act(id, action);
    res.redirect(303, '/admin/site/quotes');
  }
}
