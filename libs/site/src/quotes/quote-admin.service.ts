import { Injectable } from '@nestjs/common';
import { BadRequestError, NotFoundError } from '@roundtable/core';
import { QuoteErrors, QuoteValues, validateQuote } from './quote-form';
import { QuoteRepository } from './quote.repository';

const EMPTY: QuoteValues = { quote: '', name: '', title: '', company: '', linkedinUrl: '' };
const ACTIONS = ['up', 'down', 'hide', 'show', 'delete'] as const;

/** Staff's changes to the join page's quotes. */
@Injectable()
export class QuoteAdmin {
  constructor(private readonly quotes: QuoteRepository) {}

  async page(values: QuoteValues = EMPTY, errors: QuoteErrors = {}, notice: string | null = null) {
    const quotes = await this.quotes.listAll();
    return {
      title: 'Members’ quotes',
      quotes: quotes.map((quote, index) => ({
        ...quote,
        id: String(quote._id),
        first: index === 0,
        last: index === quotes.length - 1,
      })),
      values,
      errors,
      notice,
    };
  }

  async add(body: Record<string, unknown>) {
    const { values, errors } = validateQuote(body);
    if (Object.keys(errors).length > 0) {
      return { values, errors };
    }
    await this.quotes.add(values);
    return null;
  }

  async act(id: string, action: string): Promise<void> {
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
  }

  /** A move at either end does nothing, which is fine for a quote that exists. */
  private async exists(id: string): Promise<boolean> {
    return (await this.quotes.listAll()).some((quote) => String(quote._id) === id);
  }
}
