import { Body, Controller, Get, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles, STAFF } from '@roundtable/auth';
import { FormPage } from '@roundtable/core';
import { QuoteAdmin } from './quote-admin.service';
import { QuoteDto } from './quote.dto';

/** Staff's list of members' quotes for the join page: add, order, hide, delete. */
@ApiExcludeController()
@Roles(...STAFF)
@Controller('admin/site/quotes')
export class AdminQuotesController {
  constructor(private readonly quotes: QuoteAdmin) {}

  @Get()
  @Render('admin/site-quotes')
  list() {
    return this.quotes.page();
  }

  @Post()
  @FormPage('admin/site-quotes', QuoteAdmin, 'page')
  add(@Body() form: QuoteDto) {
    return this.quotes.add(form);
  }

  @Post(':id/:action')
  @FormPage()
  act(@Param('id') id: string, @Param('action') action: string) {
    return this.quotes.act(id, action);
  }
}
