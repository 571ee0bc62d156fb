import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecurringJobs, type JobType } from '@roundtable/jobs';
import { RosterImportRepository } from './roster-import.repository';

export const EXPIRE_IMPORTS_JOB = 'roster.expire-imports' satisfies JobType;
/** How long an import's preview waits for staff's confirm. */
export const IMPORT_PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

/**
 * An upload nobody confirmed would stay in roster_imports for ever (each holds a whole file's rows),
 * and FerretDB has no TTL index: a standing schedule removes, every hour, the previews older than a day.
 */
@Injectable()
export class ImportExpiry implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly imports: RosterImportRepository,
  ) {}

  onModuleInit(): void {
    this.recurring.define(EXPIRE_IMPORTS_JOB, { everyMs: EVERY_MS }, async () => {
      await this.expire();
    });
  }

  /** Removes the previews uploaded before `now` less a day; returns how many. */
  expire(now = new Date()): Promise<number> {
    return this.imports.removeUploadedBefore(new Date(now.getTime() - IMPORT_PREVIEW_TTL_MS));
  }
}
