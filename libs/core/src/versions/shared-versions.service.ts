import { Injectable } from '@nestjs/common';
import { FreshReads } from './fresh-reads';
import { SharedVersionRepository, type VersionSnapshot } from './shared-version.repository';

/**
 * The named versions shared by every process (see SharedVersion). `snapshot()` reads them all at
 * once, and concurrent requests share reads (FreshReads) without ever getting one that started before
 * they arrived: so a change completed before a request arrived is always in its snapshot.
 */
@Injectable()
export class SharedVersions {
  private readonly reads: FreshReads<VersionSnapshot>;

  constructor(private readonly versions: SharedVersionRepository) {
    this.reads = new FreshReads(() => this.versions.all());
  }

  /** Every version, read after this call. A name missing from it has no version yet: trust nothing kept. */
  snapshot(): Promise<VersionSnapshot> {
    return this.reads.next();
  }

  /** Makes sure `name` has a version, so records can be kept from the first request. */
  ensure(name: string): Promise<void> {
    return this.versions.ensure(name);
  }

  /** Call after a write to what `name` stands for has completed: every process's kept copies are stale. */
  changed(name: string): Promise<void> {
    return this.versions.change(name);
  }
}
