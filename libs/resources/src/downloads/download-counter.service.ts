import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DownloadCountRepository } from './download-count.repository';

/**
 * Counts downloads per resource and tier. Concurrent `$inc`s on one document lose updates on
 * FerretDB v1, so each process counts into documents of its own and writes them one at a time
 * (a promise chain): no two writes of this process race, and no other process writes its documents.
 */
@Injectable()
export class DownloadCounter {
  /**
   * Names this counter's documents. Host and pid alone are not enough: two app instances in one OS
   * process (tests, or a worker beside the API) would share documents and lose each other's counts.
   */
  private readonly process = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly counts: DownloadCountRepository) {}

  /** Resolves once this download is counted in the database. */
  record(resourceId: string, tier: string): Promise<void> {
    const write = this.chain.then(() => this.counts.add(resourceId, tier, this.process, 1));
    // A failed write must not stop the counting of later downloads.
    this.chain = write.catch(() => undefined);
    return write;
  }
}
