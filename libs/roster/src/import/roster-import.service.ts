import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { FormOutcome, newObjectId, NotFoundError, type ReceivedUpload, type UploadRules } from '@roundtable/core';
import { CensusRequests } from '../compute/census-requests.service';
import { TenureRepository, type TenureRecord } from '../tenures/tenure.repository';
import { CsvFileError, decodeUtf8, parseCsv, type CsvRecord } from './csv-text';
import { planImport, readHeader, type KnownTenure, type PlannedRow } from './import-plan';
import { RosterImportRepository } from './roster-import.repository';

/** The largest roster file accepted: about 20,000 rows of a LinkedIn export. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The roster's and the reference lists' CSV uploads (a form's file field named “File”). */
export const CSV_UPLOAD: UploadRules = {
  maxBytes: MAX_IMPORT_BYTES,
  fieldLabel: 'File',
  fileKind: 'CSV file',
  extensions: ['.csv'],
  tooLargeHint: 'Split it into smaller files.',
  maxFields: 20,
};
/** The most rows one import takes. */
const MAX_ROWS = 50_000;

/**
 * A roster CSV in three steps: the upload is read and checked (size, UTF-8, CSV, header) and kept;
 * its preview says what every row would do; the confirm plans it again against the roster as it is
 * then and applies it. A row already on the roster as it is changes nothing, so a second import of
 * one file does nothing.
 */
@Injectable()
export class RosterImports {
  constructor(
    private readonly imports: RosterImportRepository,
    private readonly tenures: TenureRepository,
    private readonly requests: CensusRequests,
  ) {}

  uploadPage() {
    return { title: 'Import the roster from CSV', maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 };
  }

  async upload(upload: ReceivedUpload | undefined, staffId: string): Promise<FormOutcome> {
    if (upload?.problem) {
      return FormOutcome.invalid({}, { file: upload.problem });
    }
    const file = upload?.file;
    let records: CsvRecord[];
    try {
      records = readFile(file);
      // The header is checked now (a bad file is refused at once); the rows are planned by the preview.
      readHeader(records);
    } catch (error) {
      if (error instanceof CsvFileError) {
        return FormOutcome.invalid({}, { file: error.message });
      }
      throw error;
    }
    const id = randomBytes(16).toString('hex');
    await this.imports.create({
      _id: id,
      filename: file!.originalName.slice(0, 200),
      records,
      uploadedAt: new Date(),
      uploadedBy: staffId,
    });
    return FormOutcome.ok(`/admin/roster/import/${id}`);
  }

  async previewPage(request: { params?: Record<string, string> }) {
    const id = request.params?.id ?? '';
    const entry = await this.imports.find(id);
    if (!entry) {
      throw new NotFoundError(
        'This import was confirmed already, or left unconfirmed for a day and removed. Upload the file again.',
      );
    }
    const rows = await this.plan(entry.records);
    const count = (action: PlannedRow['action']) => rows.filter((row) => row.action === action).length;
    return {
      title: `Import ${entry.filename}`,
      importId: id,
      filename: entry.filename,
      counts: { add: count('add'), update: count('update'), unchanged: count('unchanged'), refuse: count('refuse') },
      rows,
    };
  }

  async confirm(id: string): Promise<FormOutcome> {
    const entry = await this.imports.find(id);
    if (!entry || !(await this.imports.take(id))) {
      return FormOutcome.ok('/admin/roster', 'That import was confirmed already, or had waited a day and expired.');
    }
    const rows = await this.plan(entry.records);
    const adds = rows.filter((row) => row.action === 'add');
    const updates = rows.filter((row) => row.action === 'update');
    await this.tenures.insertMany(
      adds.map((row) => {
        const _id = newObjectId();
        return { ...row.fields!, _id, externalId: row.fields!.externalId || _id };
      }),
    );
    for (const row of updates) {
      await this.tenures.update(row.tenureId!, row.fields!);
    }
    if (adds.length + updates.length > 0) {
      await this.requests.rosterChanged();
    }
    const refused = rows.length - adds.length - updates.length - rows.filter((r) => r.action === 'unchanged').length;
    return FormOutcome.ok(
      '/admin/roster',
      `Imported ${entry.filename}: ${adds.length} added, ${updates.length} updated, ` +
        `${rows.length - adds.length - updates.length - refused} unchanged, ${refused} refused.`,
    );
  }

  private async plan(records: CsvRecord[]): Promise<PlannedRow[]> {
    const known: KnownTenure[] = [];
    for await (const page of this.tenures.streamAll()) {
      known.push(...page.map(knownTenure));
    }
    return planImport(records, known);
  }
}

function knownTenure(tenure: TenureRecord): KnownTenure {
  const { _id, updatedAt: _updated, ...fields } = tenure;
  return { ...fields, _id: String(_id) };
}

/** The upload's size was checked as it was read (CSV_UPLOAD); what is left is its content. */
function readFile(file: ReceivedUpload['file'] | undefined): CsvRecord[] {
  if (!file || file.bytes.length === 0) {
    throw new CsvFileError('Choose a CSV file to import.');
  }
  const records = parseCsv(decodeUtf8(file.bytes));
  if (records.length - 1 > MAX_ROWS) {
    throw new CsvFileError(`The file has ${records.length - 1} rows; import at most ${MAX_ROWS} at a time.`);
  }
  return records;
}
