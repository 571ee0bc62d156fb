import type { Request } from 'express';
import { SESSION_COOKIE } from '../auth.config';
import { linkVisitorWithoutSession } from './session.middleware';

const request = (path: string, cookie?: string) =>
  ({ path, headers: cookie === undefined ? {} : { cookie } }) as Pick<Request, 'path' | 'headers'>;

describe(linkVisitorWithoutSession.name, () => {
  it('is true for the survey link’s pages and forms reached without a session cookie', () => {
    expect(linkVisitorWithoutSession(request('/s/abc'))).toBe(true);
    expect(linkVisitorWithoutSession(request('/s/new-link', 'other=1'))).toBe(true);
  });

  it('is false with a session cookie (a signed-in member sees their layout) and anywhere else', () => {
    expect(linkVisitorWithoutSession(request('/s/abc', `a=1; ${SESSION_COOKIE}=s%3Axyz`))).toBe(false);
    expect(linkVisitorWithoutSession(request('/sign-in'))).toBe(false);
    expect(linkVisitorWithoutSession(request('/surveys/abc'))).toBe(false);
    expect(linkVisitorWithoutSession(request('/portal/surveys/abc'))).toBe(false);
  });
});
