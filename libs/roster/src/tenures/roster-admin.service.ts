import { Injectable } from '@nestjs/common';
import { BUSINESS_MODELS, CCO_MODELS, REVENUE_BANDS } from '@roundtable/members';
import {
  confirmationPage,
  ConflictError,
  FormOutcome,
  formValuesFrom,
  keysetPage,
  keysetPlan,
  pageLinks,
  type PageRequest,
  type ParsedQuery,
  type SortKey,
} from '@roundtable/core';
import { CensusRequests } from '../compute/census-requests.service';
import { normaliseCompany } from '../names';
import { RosterProposalRepository } from '../proposals/roster-proposal.repository';
import { checkTenureInput, tenureInputOf } from './tenure-input';
import type { TenureDto } from './tenure.dto';
import { TenureRepository } from './tenure.repository';
import type { TenuresQuery } from './tenures-query.dto';

/** Newest start first; tenures starting the same day keep one order by `_id`. */
const ORDER: SortKey[] = [
  { field: 'start', direction: -1 },
  { field: '_id', direction: -1 },
];

export const TENURE_CHOICES = { revenueBands: REVENUE_BANDS, businessModels: BUSINESS_MODELS, ccoModels: CCO_MODELS };

/** Staff's roster: the paged list, and the form that adds or edits one tenure. Every save asks for a new census. */
@Injectable()
export class RosterAdmin {
  constructor(
    private readonly tenures: TenureRepository,
    private readonly requests: CensusRequests,
    private readonly proposals: RosterProposalRepository,
  ) {}

  async listPage({ value, ignored }: ParsedQuery<TenuresQuery>) {
    const plan = keysetPlan(ORDER, value);
    const companyKey = value.company ? normaliseCompany(value.company) : undefined;
    const page = keysetPage(await this.tenures.listPage({ companyKey, status: value.status }, plan), plan);
    const filters = { company: value.company, status: value.status, size: value.size };
    return {
      title: 'Roster',
      filter: filters,
      ignored,
      links: pageLinks('/admin/roster', filters, page),
      tenures: page.rows.map((tenure) => ({ ...tenure, id: String(tenure._id) })),
      proposalsWaiting: await this.proposals.countWaiting(),
    };
  }

  /** The form for a new tenure (`params.id` absent) or an existing one. */
  async formPage(request: Partial<PageRequest> = {}) {
    const id = request.params?.id;
    const tenure = id ? await this.tenures.getByIdOrFail(id) : null;
    return {
      title: tenure ? `${tenure.person} at ${tenure.company}` : 'New tenure',
      tenureId: tenure ? String(tenure._id) : null,
      values: tenure ? tenureInputOf(tenure) : { title: 'Chief Customer Officer' },
      choices: TENURE_CHOICES,
    };
  }

  async create(form: TenureDto): Promise<FormOutcome> {
    const checked = checkTenureInput(form);
    if ('problems' in checked) {
      return FormOutcome.invalid(formValuesFrom(form), checked.problems);
    }
    try {
      await this.tenures.create(checked.fields);
    } catch (error) {
      return conflict(error, form);
    }
    await this.requests.rosterChanged();
    return FormOutcome.ok('/admin/roster', `Added ${checked.fields.person} at ${checked.fields.company}.`);
  }

  async update(id: string, form: TenureDto): Promise<FormOutcome> {
    const tenure = await this.tenures.getByIdOrFail(id);
    const checked = checkTenureInput({ ...form, id: form.id || tenure.externalId });
    if ('problems' in checked) {
      return FormOutcome.invalid(formValuesFrom(form), checked.problems);
    }
    try {
      await this.tenures.update(tenure._id, checked.fields);
    } catch (error) {
      return conflict(error, form);
    }
    await this.requests.rosterChanged();
    return FormOutcome.ok('/admin/roster', `Saved ${checked.fields.person} at ${checked.fields.company}.`);
  }

  /** Removing a tenure asks first (core's confirmation step): the census loses it, and only re-adding restores it. */
  async deleteConfirmPage(request: Partial<PageRequest> = {}) {
    const id = request.params?.id ?? '';
    const tenure = await this.tenures.getByIdOrFail(id);
    return confirmationPage({
      heading: 'Remove this tenure from the roster?',
      subject: `${tenure.person}${tenure.title ? ` (${tenure.title})` : ''} at ${tenure.company}, from ${tenure.start}`,
      consequences: [
        'The tenure leaves the roster, its exports and every census computed from now on.',
        'The published figures on The role in numbers are recomputed without it within seconds.',
      ],
      undo: 'It cannot be restored: add it again through the form or an import.',
      action: `/admin/roster/${id}/delete`,
      button: 'Remove the tenure',
      cancel: `/admin/roster/${id}`,
      danger: true,
    });
  }

  async delete(id: string): Promise<FormOutcome> {
    const tenure = await this.tenures.getByIdOrFail(id);
    await this.tenures.delete(tenure._id);
    await this.requests.rosterChanged();
    return FormOutcome.ok('/admin/roster', `Removed ${tenure.person} at ${tenure.company} from the roster.`);
  }
}

function conflict(error: unknown, form: TenureDto): FormOutcome {
  if (error instanceof ConflictError) {
    return FormOutcome.invalid(formValuesFrom(form), { id: error.message }, 409);
  }
  throw error;
}
