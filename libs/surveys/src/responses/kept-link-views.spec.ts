import { EarlyAnswers, hashToken, newToken } from '@roundtable/core';
import type { Request, Response } from 'express';
import type { SurveyCache } from '../definition/survey-cache';
import type { SurveyRecord } from '../definition/survey.repository';
import type { LinkRecord } from '../links/link.repository';
import { KeptLinkViews } from './kept-link-views';
import { LinkPageReadsCache } from './link-page-reads';
import type { PageResult } from './response-pages.service';

/** A response that records what was sent. */
function response() {
  const sent: { status?: number; headers: Record<string, unknown>; body?: Buffer } = { headers: {} };
  const res = {
    set statusCode(status: number) {
      sent.status = status;
    },
    set: (headers: Record<string, string>) => Object.assign(sent.headers, headers),
    setHeader: (name: string, value: unknown) => (sent.headers[name] = value),
    end: (body: Buffer) => (sent.body = body),
  };
  return { res: res as unknown as Response, sent };
}

function setUp() {
  const survey = { _id: 's1', title: 'Accountabilities' } as unknown as SurveyRecord;
  let keptSurvey: SurveyRecord | null | undefined = survey;
  const surveys = {
    version: () => Promise.resolve('v1'),
    peek: (_id: string, version: string | null) => (version === 'v1' ? keptSurvey : undefined),
  } as unknown as SurveyCache;
  const reads = new LinkPageReadsCache(1_000);
  const views = new KeptLinkViews(new EarlyAnswers(), reads, surveys);
  const { token, hash } = newToken();
  const result: PageResult = { kind: 'page', status: 200, template: 'surveys/respond', model: {} };
  const link = { _id: hash, invitationId: 'i1', surveyId: 's1', revokedAt: null } as unknown as LinkRecord;
  reads.set(hash, { link, response: null, prefill: {}, opened: true, page: { survey, result } });
  views.keep(result, '<h1>Accountabilities</h1>');
  const get = async (url: string, headers: Record<string, string> = {}, method = 'GET') => {
    const { res, sent } = response();
    const answered = await views.answer({ method, url, headers } as unknown as Request, res);
    return { answered, sent };
  };
  return { token, hash, get, reads, setSurvey: (s: SurveyRecord | null | undefined) => (keptSurvey = s) };
}

describe(KeptLinkViews.name, () => {
  it('sends the kept page of a link to a request without cookies, with the survey page’s headers', async () => {
    const { token, get } = setUp();
    const { answered, sent } = await get(`/s/${token}`);
    expect(answered).toBe(true);
    expect(sent.status).toBe(200);
    expect(sent.body?.toString()).toBe('<h1>Accountabilities</h1>');
    expect(sent.headers).toMatchObject({
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      'Content-Type': 'text/html; charset=utf-8',
    });
  });

  it('declines a cookie, a query, another method, another path or a token that is not one', async () => {
    const { token, get } = setUp();
    expect((await get(`/s/${token}`, { cookie: 'roundtable.sid=x' })).answered).toBe(false);
    expect((await get(`/s/${token}?saved=1`)).answered).toBe(false);
    expect((await get(`/s/${token}`, {}, 'POST')).answered).toBe(false);
    expect((await get(`/s/${token}`, {}, 'HEAD')).answered).toBe(false);
    expect((await get(`/s/${token}/more`)).answered).toBe(false);
    expect((await get('/s/new-link')).answered).toBe(false);
    expect((await get(`/s/${newToken().token}`)).answered).toBe(false);
  });

  it('declines when the survey kept now is not the one the page was built with, or the reads are gone', async () => {
    const { token, hash, get, reads, setSurvey } = setUp();
    setSurvey({ _id: 's1', title: 'Accountabilities (read again)' } as unknown as SurveyRecord);
    expect((await get(`/s/${token}`)).answered).toBe(false);
    setSurvey(undefined);
    expect((await get(`/s/${token}`)).answered).toBe(false);
    expect(hashToken(token)).toBe(hash);
    reads.forgetInvitation('i1');
    setSurvey(null);
    expect((await get(`/s/${token}`)).answered).toBe(false);
  });
});
