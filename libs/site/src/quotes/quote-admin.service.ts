import { Injectable } from '@nestjs/common';
import { BadRequestError, FormOutcome, NotFoundError } from '@roundtable/core';
import { type QuoteDto, quoteFrom } from './quote.dto';
import { QuoteRepository } from './quote.repository';

const LIST = '/admin/site/quotes';
const ACTIONS = ['up', 'down', 'hide', 'show', 'delete'] as const;

/** Staff's changes to the join page's quotes. */
@Injectable()
export class QuoteAdmin {
  constructor(private readonly quotes: QuoteRepository) {}

  /** The list and the empty "Add a quote" form (a refused form gets its values and errors from the kit). */
  async page() {
    const quotes = await this.quotes.listAll();
    return {
      title: 'Members’ quotes',
      quotes: quotes.map((quote, index) => ({
        ...quote,
        id: String(quote._id),
        first: index === 0,
        last: index === quotes.length - 1,
      })),
      values: {},
      errors: {},
    };
  }

  async add(form: QuoteDto): Promise<FormOutcome> {
    await this.quotes.add(quoteFrom(form));
    return FormOutcome.ok(LIST, 'The quote was added at the end.');
  }

  /** Move up or down, hide, show or delete one quote; back to the list. */
  async act(id: string, action: string): Promise<FormOutcome> {
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new BadRequestError('That is not something staff can do to a quote.');
    }
    const done =
      action === 'up' || action === 'down'
        ? (await this.quotes.move(id, action)) || (await this.exists(id))
        : action === 'delete'
          ? await this.quotes.delete(id)
          : await this.quotes.setHidden(id, action === 'hide');
    if (!done) {
      throw new NotFoundError('There is no such quote.');
    }
    return FormOutcome.ok(LIST);
  }

  /** A move at either end does nothing, which is fine for a quote that exists. */
  private async exists(id: string): Promise<boolean> {
    return (await this.quotes.listAll()).some((quote) => String(quote._id) === id);
  }
}
