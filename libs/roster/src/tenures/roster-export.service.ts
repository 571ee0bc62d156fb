import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { CensusDocument } from '@roundtable/census';
import { rosterDocument } from '../compute/roster-document';
import { ReferenceListRepository } from '../reference/reference-list.repository';
import { TENURE_COLUMNS, tenureInputOf } from './tenure-input';
import { TenureRepository, type TenureRecord } from './tenure.repository';

/**
 * The roster as files (staff's explicit downloads): CSV with the import's columns, so an export
 * imported again changes nothing, and the census exchange format, so `npm run census` on it gives
 * the census the page shows. Cells a spreadsheet would run as formulas are escaped by csv-stringify.
 */
@Injectable()
export class RosterExport {
  constructor(
    private readonly tenures: TenureRepository,
    private readonly lists: ReferenceListRepository,
  ) {}

  async csv(): Promise<string> {
    const rows = (await this.all()).map((tenure) => tenureInputOf(tenure));
    return stringify(rows, {
      header: true,
      columns: [...TENURE_COLUMNS],
      escape_formulas: true,
      record_delimiter: 'windows',
    });
  }

  async exchange(asOf?: string): Promise<CensusDocument> {
    return rosterDocument(await this.all(), await this.lists.all(), asOf).doc;
  }

  private async all(): Promise<TenureRecord[]> {
    const out: TenureRecord[] = [];
    for await (const page of this.tenures.streamAll()) {
      out.push(...page);
    }
    return out;
  }
}
