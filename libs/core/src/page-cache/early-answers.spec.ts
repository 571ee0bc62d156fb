import type { Request, Response } from 'express';
import { EarlyAnswers } from './early-answers';

/** Runs the middleware once; resolves with whether `next` was called (false: a handler answered). */
function run(early: EarlyAnswers): Promise<boolean> {
  return new Promise((resolve) => {
    early.middleware()({} as Request, {} as Response, () => resolve(true));
    // A handler that answers ends the request without `next`; give pending promises time to settle.
    setTimeout(() => resolve(false), 20);
  });
}

describe(EarlyAnswers.name, () => {
  it('goes on when no handler answers, synchronously or after a read', async () => {
    const early = new EarlyAnswers();
    const asked: string[] = [];
    early.register(() => (asked.push('sync'), false));
    early.register(() => (asked.push('async'), Promise.resolve(false)));
    early.register(() => (asked.push('last'), false));
    expect(await run(early)).toBe(true);
    expect(asked).toEqual(['sync', 'async', 'last']);
  });

  it('stops at the first handler that answers, after its read, and asks no later one', async () => {
    const early = new EarlyAnswers();
    const later = jest.fn(() => false);
    early.register(() => Promise.resolve(true));
    early.register(later);
    expect(await run(early)).toBe(false);
    expect(later).not.toHaveBeenCalled();
  });

  it('lets a request take the full way when a handler’s read fails', async () => {
    const early = new EarlyAnswers();
    early.register(() => Promise.reject(new Error('the database is away')));
    expect(await run(early)).toBe(true);
  });
});
