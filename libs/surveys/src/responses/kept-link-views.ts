import { Injectable, OnModuleInit } from '@nestjs/common';
import { EarlyAnswers, hashToken, looksLikeToken } from '@roundtable/core';
import type { Request, Response } from 'express';
import { SurveyCache } from '../definition/survey-cache';
import { LinkPageReadsCache } from './link-page-reads';
import type { PageResult } from './response-pages.service';

/** Headers every survey page carries (`@SurveyPage`): personal, so never stored, never indexed. */
export const SURVEY_PAGE_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } as const;

/** `/s/<token>` exactly: no query (a notice reads live), nothing after the token. */
const LINK_PATH = /^\/s\/([A-Za-z0-9_-]+)$/;

/**
 * The survey link's page for requests without cookies, answered from memory before sessions and
 * routing (`EarlyAnswers`), when this process has both the link's reads of the last second
 * (`LinkPageReadsCache`, which reads them again in the background as they age) and the page it rendered
 * from them with the survey it keeps under the current surveys version. So a link reloaded or opened
 * by many tabs or a mail scanner costs no session, no routing and one small read of the shared
 * versions (shared by concurrent views); anything else (a cookie, a notice, reads or a survey no longer
 * kept) takes the full way, which builds the page and keeps it again. What is kept is what the full
 * way would show: an answer drops the link's reads at once in this process, a closed or extended
 * survey shows on the next request in every process (the surveys version), and another process's
 * answer or a revoked link shows within the second.
 */
@Injectable()
export class KeptLinkViews implements OnModuleInit {
  /** The HTML of page results rendered for requests without cookies; goes when the result does. */
  private readonly rendered = new WeakMap<PageResult, string>();
  /** The same HTML as sent: encoded once, not per view. */
  private readonly bodies = new WeakMap<PageResult, Buffer>();

  constructor(
    private readonly early: EarlyAnswers,
    private readonly linkPages: LinkPageReadsCache,
    private readonly surveys: SurveyCache,
  ) {}

  onModuleInit(): void {
    this.early.register((req, res) => this.answer(req, res));
  }

  /** The HTML rendered for this result for a request without cookies, if any. */
  html(result: PageResult): string | undefined {
    return this.rendered.get(result);
  }

  keep(result: PageResult, html: string): void {
    this.rendered.set(result, html);
  }

  /**
   * Sends the kept page of `/s/<token>` and says so, or declines (false) without touching `res`. A
   * page is sent only if the survey it was built with is the one kept under the surveys version read
   * now (one small read shared by concurrent views), so a survey closed by any process a moment ago
   * is never shown as open; everything else is decided without waiting.
   */
  answer(req: Request, res: Response): boolean | Promise<boolean> {
    if (req.method !== 'GET' || req.headers.cookie !== undefined) {
      return false;
    }
    const token = LINK_PATH.exec(req.url)?.[1];
    if (token === undefined || !looksLikeToken(token)) {
      return false;
    }
    const reads = this.linkPages.peek(hashToken(token));
    const page = reads?.page;
    if (!reads || !page || page.result.kind !== 'page' || !this.rendered.has(page.result)) {
      return false;
    }
    const surveyId = reads.link?.surveyId;
    if (surveyId === undefined) {
      // A link that does not exist shows the same page whatever any survey says.
      return page.survey === null && this.send(res, page.result);
    }
    return this.surveys.version().then((version) => {
      // The page was built with the survey this process keeps under the current version (the same object).
      const survey = this.surveys.peek(surveyId, version);
      return survey !== undefined && page.survey === survey && this.send(res, page.result);
    });
  }

  private send(res: Response, result: PageResult): boolean {
    const html = this.rendered.get(result);
    if (html === undefined || result.kind !== 'page') {
      return false;
    }
    let body = this.bodies.get(result);
    if (!body) {
      body = Buffer.from(html);
      this.bodies.set(result, body);
    }
    // As the route sends it, less the ETag: a page nobody may store is never revalidated.
    res.statusCode = result.status;
    res.set(SURVEY_PAGE_HEADERS);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    res.end(body);
    return true;
  }
}
