import { Injectable } from '@nestjs/common';
import { hashToken, looksLikeToken, NotFoundError } from '@roundtable/core';
import { prefillProfileAnswer, profileQuestion } from '../definition/defaults';
import { dateLabel, respondPageModel, type Notice } from './respond-page';
import { SurveyCache } from '../definition/survey-cache';
import type { SurveyRecord } from '../definition/survey.repository';
import { InvitationRepository } from '../invitations/invitation.repository';
import { linkProblemPage, type LinkProblem } from '../links/link-problem';
import { LinkRepository, MilestoneRepository } from '../links/link.repository';
import type { SurveyMilestone } from '../links/link.schema';
import {
  looseAnswer,
  readResponseForm,
  responseFormValues,
  type ResponseFormErrors,
  type ResponseFormInput,
  type ResponseFormValues,
} from './response-form';
import { LinkPageReadsCache, type LinkPageReads } from './link-page-reads';
import { ResponseRepository, type ResponseRecord } from './response.repository';
import { SurveyProgressHook } from './survey-progress.hook';

export type PageResult =
  { kind: 'page'; status: number; template: string; model: object } | { kind: 'redirect'; to: string };

/** Whom the form is answered for and where it posts back to. */
interface Answering {
  survey: SurveyRecord;
  invitationId: string;
  /** `/s/<token>` (no session, no CSRF: the token is the key) or `/portal/surveys/<id>` (signed in). */
  action: string;
  signedIn: boolean;
  /** The hash of a requested link answered through, whose first use retires the invitation's others. */
  retiresOthers?: string;
  /** The link's segment values, passed on with its milestones (the counters need no invitation read). */
  segments?: Record<string, string>;
}

/**
 * The response page, reached by the emailed link or from the portal. A GET reads only (`_id` lookups
 * of the link, the response and, before the first answer, the invitation; the survey from memory;
 * through the link, what the last second read: `LinkPageReadsCache`) and records "opened" with a
 * unique insert; answers change only on POST, which reads the link and the survey live. Saving keeps a partial
 * response; submitting checks the ranking and completes it; both work until the survey closes.
 */
@Injectable()
export class ResponsePages {
  constructor(
    private readonly links: LinkRepository,
    private readonly invitations: InvitationRepository,
    private readonly responses: ResponseRepository,
    private readonly milestones: MilestoneRepository,
    private readonly cache: SurveyCache,
    private readonly progress: SurveyProgressHook,
    private readonly linkPages: LinkPageReadsCache,
  ) {}

  async showByToken(token: string, notice: string | undefined): Promise<PageResult> {
    if (!looksLikeToken(token)) {
      return this.problem('unknown', null);
    }
    const hash = hashToken(token);
    // The page right after this person's own save reads live; any other view may reuse the reads
    // of the last second (a reload, a scanner, many tabs).
    const reads =
      notice === undefined
        ? await this.linkPages.read(hash, () => this.readLinkPage(hash))
        : await this.readLinkPage(hash);
    const survey = reads.link ? await this.cache.get(reads.link.surveyId) : null;
    // The same reads of the same survey give the same page: built once, and rendered once
    // (`@SurveyPage` keeps the HTML of a result it has rendered for a request without cookies).
    if (notice === undefined && reads.page && reads.page.survey === survey) {
      return reads.page.result;
    }
    const result = await this.linkPage(token, reads, survey, notice);
    if (notice === undefined) {
      reads.page = { survey, result };
    }
    return result;
  }

  private async linkPage(
    token: string,
    reads: LinkPageReads,
    survey: SurveyRecord | null,
    notice: string | undefined,
  ): Promise<PageResult> {
    const { link } = reads;
    if (!link || !survey) {
      return withToken(this.problem('unknown', null), token);
    }
    if (link.revokedAt) {
      return withToken(this.problem('revoked', survey), token);
    }
    const closed = this.closedProblem(survey);
    if (closed) {
      return withToken(closed, token);
    }
    const answering = {
      survey,
      invitationId: link.invitationId,
      action: `/s/${token}`,
      signedIn: false,
      segments: link.segments ?? undefined,
    };
    if (!reads.response && !reads.opened) {
      // The first visit of the link: "opened" counts once, whatever scanners and reloads follow.
      reads.opened = true;
      await this.reach(answering, 'opened');
    }
    return this.form(answering, reads.response, { notice: noticeFrom(notice), prefill: reads.prefill });
  }

  async answerByToken(token: string, answer: ResponseFormInput & { action?: string }): Promise<PageResult> {
    // The survey is read live here already (a close made a moment ago by any process must refuse the
    // answer), so answering does not read it a second time.
    const answering = await this.byToken(token, 'fresh');
    return withToken('problem' in answering ? answering.problem : await this.answer(answering, answer, true), token);
  }

  async showForMember(surveyId: string, memberId: string, notice: string | undefined): Promise<PageResult> {
    const answering = await this.forMember(surveyId, memberId);
    const closed = this.closedProblem(answering.survey);
    if (closed) {
      return closed;
    }
    const response = await this.responses.findById(answering.invitationId);
    return this.form(answering, response, { notice: noticeFrom(notice) });
  }

  async answerForMember(
    surveyId: string,
    memberId: string,
    answer: ResponseFormInput & { action?: string },
  ): Promise<PageResult> {
    return this.answer(await this.forMember(surveyId, memberId), answer);
  }

  /**
   * A body the DTO refused (`ResponseAnswerPipe`): the form again with 422, what was typed and a
   * message per field; nothing is saved. Reached by the link (`token`) or from the portal.
   */
  async refusedAnswer(
    params: { token?: string; surveyId?: string },
    memberId: string | undefined,
    body: Record<string, unknown>,
    errors: ResponseFormErrors,
  ): Promise<PageResult> {
    let answering: Answering;
    if (params.token !== undefined) {
      const found = await this.byToken(params.token);
      if ('problem' in found) {
        return withToken(found.problem, params.token);
      }
      answering = found;
    } else if (params.surveyId !== undefined && memberId !== undefined) {
      answering = await this.forMember(params.surveyId, memberId);
    } else {
      throw new NotFoundError('There is no survey here.');
    }
    const values = readResponseForm(answering.survey, looseAnswer(body), 'partial').values;
    const existing = await this.responses.findById(answering.invitationId);
    return this.form(answering, existing, { status: 422, values, errors });
  }

  private async answer(
    cached: Answering,
    answer: ResponseFormInput & { action?: string },
    surveyReadLive = false,
  ): Promise<PageResult> {
    const survey = surveyReadLive ? cached.survey : await this.cache.fresh(String(cached.survey._id));
    if (!survey) {
      return this.problem('unknown', null);
    }
    const answering = { ...cached, survey };
    const closed = this.closedProblem(survey);
    if (closed) {
      return closed;
    }
    const mode = answer.action === 'submit' ? 'complete' : 'partial';
    const form = readResponseForm(answering.survey, answer, mode);
    const id = answering.invitationId;
    if (!form.ok) {
      const existing = await this.responses.findById(id);
      return this.form(answering, existing, { status: 422, values: form.values, errors: form.errors });
    }
    // Written first, so a first answer costs one insert and no read; the link's page reads it live next.
    this.linkPages.forgetInvitation(id);
    if (answering.retiresOthers) {
      // Answered through the link this member asked for: the links it was sent beside retire now.
      await this.links.retireOthers(id, answering.retiresOthers);
    }
    if (mode === 'partial') {
      const saved = await this.responses.savePartial(id, String(survey._id), form.answers);
      if (saved === 'already-completed') {
        // Submitted meanwhile (another tab): keep the submitted response; show what was typed and why.
        const existing = await this.responses.findById(id);
        return this.form(answering, existing, { status: 409, values: form.values, notice: 'already-completed' });
      }
      await this.reach(answering, 'started');
      return { kind: 'redirect', to: `${answering.action}?saved=1` };
    }
    await this.responses.complete(id, String(survey._id), form.answers);
    const first = await this.reach(answering, 'started', 'completed');
    return { kind: 'redirect', to: `${answering.action}?${first.includes('completed') ? 'done' : 'updated'}=1` };
  }

  /** What the page for one link needs from the database: the link, its response, the prefill. */
  private async readLinkPage(hash: string): Promise<LinkPageReads> {
    const link = await this.links.findByHash(hash);
    const survey = link && !link.revokedAt ? await this.cache.get(link.surveyId) : null;
    if (!link || !survey) {
      return { link, response: null, prefill: {}, opened: false };
    }
    const response = await this.responses.findById(link.invitationId);
    const prefill = response ? {} : await this.prefill(survey, link.invitationId);
    return { link, response, prefill, opened: false };
  }

  /** Only before the first answer: the profile snapshot distribution took, as the starting answers. */
  private async prefill(survey: SurveyRecord, invitationId: string): Promise<Record<string, string>> {
    const prefill: Record<string, string> = {};
    if (survey.profileQuestions.length === 0) {
      return prefill;
    }
    const invitation = await this.invitations.findById(invitationId);
    for (const key of survey.profileQuestions) {
      const question = profileQuestion(key);
      if (question) {
        prefill[key] = prefillProfileAnswer(question, invitation?.profile?.[key]);
      }
    }
    return prefill;
  }

  /** `read`: the survey as kept under the current version, or as a read that began after this call. */
  private async byToken(token: string, read: 'kept' | 'fresh' = 'kept'): Promise<Answering | { problem: PageResult }> {
    const link = looksLikeToken(token) ? await this.links.findByHash(hashToken(token)) : null;
    const survey = !link
      ? null
      : read === 'fresh'
        ? await this.cache.fresh(link.surveyId)
        : await this.cache.get(link.surveyId);
    if (!link || !survey) {
      return { problem: this.problem('unknown', null) };
    }
    if (link.revokedAt) {
      return { problem: this.problem('revoked', survey) };
    }
    return {
      survey,
      invitationId: link.invitationId,
      action: `/s/${token}`,
      signedIn: false,
      retiresOthers: link.retiresOthersOnUse ? link._id : undefined,
      segments: link.segments ?? undefined,
    };
  }

  private async forMember(surveyId: string, memberId: string): Promise<Answering> {
    const survey = await this.cache.get(surveyId);
    const invitation = survey ? await this.invitations.findForMember(surveyId, memberId) : null;
    if (!survey || !invitation) {
      throw new NotFoundError('You have no invitation to this survey.');
    }
    return { survey, invitationId: invitation._id, action: `/portal/surveys/${surveyId}`, signedIn: true };
  }

  /** Closed by staff, past its close date, or never sent: the clear page instead of the form. */
  private closedProblem(survey: SurveyRecord, now = new Date()): PageResult | null {
    if (survey.status === 'closed' || (survey.closesAt && survey.closesAt.getTime() <= now.getTime())) {
      return this.problem('closed', survey);
    }
    return survey.status === 'open' && survey.sentAt ? null : this.problem('not-open', survey);
  }

  private problem(problem: LinkProblem, survey: SurveyRecord | null): PageResult {
    const closedOn = dateLabel(survey?.closedAt ?? survey?.closesAt);
    const page = linkProblemPage(problem, survey ? { title: survey.title, closedOn } : null);
    return { kind: 'page', status: page.status, template: 'surveys/link-problem', model: page.model };
  }

  /**
   * Records milestones (one insert however many); those reached for the first time go on to the live
   * counters and the other listeners together, so their writes can share a round trip. Returns those.
   */
  private async reach(answering: Answering, ...milestones: SurveyMilestone[]): Promise<SurveyMilestone[]> {
    const surveyId = String(answering.survey._id);
    const { invitationId, segments } = answering;
    const firsts = await this.milestones.reachAll(invitationId, surveyId, milestones);
    await Promise.all(firsts.map((milestone) => this.progress.emit({ surveyId, invitationId, milestone, segments })));
    return firsts;
  }

  private async form(
    answering: Answering,
    response: ResponseRecord | null,
    shown: {
      status?: number;
      values?: ResponseFormValues;
      errors?: ResponseFormErrors;
      notice?: Notice;
      prefill?: Record<string, string>;
    },
  ): Promise<PageResult> {
    const { survey } = answering;
    const values =
      shown.values ??
      responseFormValues(
        survey,
        response,
        response ? {} : (shown.prefill ?? (await this.prefill(survey, answering.invitationId))),
      );
    const errors = shown.errors ?? {};
    return {
      kind: 'page',
      status: shown.status ?? 200,
      template: 'surveys/respond',
      model: respondPageModel(survey, values, errors, {
        action: answering.action,
        signedIn: answering.signedIn,
        completed: response?.status === 'completed',
        notice: shown.notice ?? null,
      }),
    };
  }
}

function noticeFrom(query: string | undefined): Notice {
  return query === 'saved' || query === 'done' || query === 'updated' ? query : null;
}

/** A dead link's page remembers the token, so "send me a new link" knows which survey it was about. */
function withToken(result: PageResult, token: string): PageResult {
  return result.kind === 'page' && result.template === 'surveys/link-problem' && looksLikeToken(token)
    ? { ...result, model: { ...result.model, token } }
    : result;
}
