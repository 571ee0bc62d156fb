import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { DownloadCountRepository } from './download-count.repository';

/**
 * Counts downloads per resource and tier. Concurrent `$inc`s on one document lose updates on
 * FerretDB v1, so each process counts into documents of its own and writes them one at a time
 * (a promise chain): no two writes of this process race, and no other process writes its documents.
 */
@Injectable()
export class DownloadCounter {
  /** Names this process's counter documents: host and pid identify a running process. */
  private readonly process = `${hostname()}:${process.pid}`;
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
