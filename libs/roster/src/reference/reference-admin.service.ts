import { Injectable } from '@nestjs/common';
import { parseDay } from '@roundtable/census';
import { FormOutcome, formValuesFrom, type ReceivedUpload } from '@roundtable/core';
import { CensusRequests } from '../compute/census-requests.service';
import { CsvFileError, decodeUtf8, parseCsv } from '../import/csv-text';
import { looksLikeFormula } from '../tenures/tenure-input';
import { normaliseCompany } from '../names';
import { CURRENT_SNAPSHOT } from '../snapshots/census-snapshot.schema';
import { CensusSnapshotRepository } from '../snapshots/census-snapshot.repository';
import { TenureRepository } from '../tenures/tenure.repository';
import type { ReferenceCompany } from './reference-list.schema';
import type { ReferenceListDto } from './reference-list.dto';
import { ReferenceListRepository } from './reference-list.repository';

const MAX_COMPANIES = 5000;

/**
 * Staff's reference lists: a CSV of companies (a `name` column, and an `id` column where the roster
 * has company ids) with a name and a date. Matching is by id, else by normalised name (names.ts);
 * the upload reports how many match a company on the roster and names those that do not.
 */
@Injectable()
export class ReferenceAdmin {
  constructor(
    private readonly lists: ReferenceListRepository,
    private readonly tenures: TenureRepository,
    private readonly snapshots: CensusSnapshotRepository,
    private readonly requests: CensusRequests,
  ) {}

  async page() {
    const snapshot = await this.snapshots.find(CURRENT_SNAPSHOT);
    const lists = await this.lists.all();
    return {
      title: 'Reference lists',
      lists: lists.map((list) => ({
        id: String(list._id),
        name: list.name,
        date: list.date,
        companies: list.companies.length,
        coverage: snapshot?.result.coverage.find((row) => row.name === list.name) ?? null,
        unmatched: snapshot?.unmatched?.[list.name] ?? null,
      })),
    };
  }

  async upload(form: ReferenceListDto, upload: ReceivedUpload | undefined): Promise<FormOutcome> {
    const values = formValuesFrom(form);
    if (parseDay(form.date) === null) {
      return FormOutcome.invalid(values, { date: `${form.date} is not a calendar date.` });
    }
    let companies: ReferenceCompany[];
    try {
      if (upload?.problem) {
        throw new CsvFileError(upload.problem);
      }
      companies = readCompanies(upload?.file?.bytes);
    } catch (error) {
      if (error instanceof CsvFileError) {
        return FormOutcome.invalid(values, { file: error.message });
      }
      throw error;
    }
    const onRoster = new Set<string>();
    for await (const page of this.tenures.streamAll()) {
      page.forEach((tenure) => onRoster.add(tenure.companyKey));
    }
    await this.lists.save({ name: form.name, date: form.date, companies, uploadedAt: new Date() });
    await this.requests.rosterChanged();
    const unmatched = companies.filter((company) => !onRoster.has(company.key));
    const sample = unmatched.slice(0, 10).map((company) => company.name);
    return FormOutcome.ok(
      '/admin/roster/lists',
      `${form.name}: ${companies.length} companies, ${companies.length - unmatched.length} match a company on the roster` +
        (unmatched.length
          ? `; ${unmatched.length} do not (${sample.join(', ')}${unmatched.length > sample.length ? ', …' : ''}).`
          : '.'),
    );
  }
}

/** The list's companies, one per distinct key; the header needs `name` and may have `id`. */
export function readCompanies(bytes: Buffer | undefined): ReferenceCompany[] {
  if (!bytes || bytes.length === 0) {
    throw new CsvFileError('Choose a CSV file of companies (a “name” column, and “id” if you have them).');
  }
  const [header, ...rows] = parseCsv(decodeUtf8(bytes));
  const columns = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const nameAt = columns.indexOf('name');
  const idAt = columns.indexOf('id');
  if (nameAt < 0) {
    throw new CsvFileError('The file’s first line must name its columns: “name”, and “id” if the list has ids.');
  }
  const unknown = columns.find((column) => column !== 'name' && column !== 'id');
  if (unknown !== undefined) {
    throw new CsvFileError(`The header names an unknown column “${unknown}”; the columns are name and id.`);
  }
  if (rows.length > MAX_COMPANIES) {
    throw new CsvFileError(`The list has ${rows.length} companies; at most ${MAX_COMPANIES} are supported.`);
  }
  const byKey = new Map<string, ReferenceCompany>();
  for (const row of rows) {
    const name = (row.cells[nameAt] ?? '').trim();
    const id = idAt >= 0 ? (row.cells[idAt] ?? '').trim() : '';
    if (!name && !id) {
      continue;
    }
    if (looksLikeFormula(name) || looksLikeFormula(id)) {
      throw new CsvFileError(`Line ${row.line} starts a cell with a spreadsheet formula; remove it and upload again.`);
    }
    const key = id || normaliseCompany(name);
    if (key && !byKey.has(key)) {
      byKey.set(key, { name: name || id, id: id || null, key });
    }
  }
  if (byKey.size === 0) {
    throw new CsvFileError('The file lists no companies.');
  }
  return [...byKey.values()];
}
