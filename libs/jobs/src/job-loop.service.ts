import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { JobRunner } from './job-runner.service';
import { RecurringJobs } from './recurring-jobs.service';

/**
 * How often an idle lane looks for due jobs. Work queued by another process (staff's "send" in the API,
 * the batches another worker's distribution queues) is found only by this look, so a worker may start up
 * to this long late. Not shorter: each look is a `find` FerretDB answers by reading the queue, and at
 * 250 ms the idle lanes of two workers (24 looks a second) cost FerretDB ~13% of a core in the
 * distribution benchmark while nothing was due. Waking another process at once needs a signal between
 * processes (PostgreSQL's LISTEN/NOTIFY on the embedded default, a change stream on MongoDB).
 */
export const IDLE_POLL_MS = 1000;

/**
 * The worker's loop: run due jobs, and when none are due, wait `idleMs` before looking again.
 * Stops between jobs on shutdown, so a job is never cut off halfway by a deploy.
 *
 * A worker runs `lanes` such loops side by side, each claiming its own jobs (claims are unique
 * inserts, so lanes share the queue exactly as separate workers do). Jobs mostly wait on the
 * database and the relay, so a second lane overlaps one job's writes with another's sending: a send
 * batch's writes no longer hold up the next batch, and the first batches go out while the
 * distribution job is still writing invitations. An idle lane polls every `idleMs`, and wakes at once
 * when this process queues a job (a distribution's batches reach this worker's other lane at once).
 */
@Injectable()
export class JobLoop implements OnApplicationShutdown {
  private readonly logger = new Logger(JobLoop.name);
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Idle lanes' timers: a job queued by this process (or a stop) ends their wait early. */
  private readonly sleepers = new Set<() => void>();
  /**
   * Loops run side by side in this process. Three, because a distribution job holds one lane for its
   * whole run and a recurring job may hold another for a while (the staff home's recount scans the
   * members: ~90 s at 20,000 members on a loaded machine): with two lanes, the batches the distribution
   * queued waited for it, and no email left the worker until the recount was done.
   */
  lanes = 3;

  constructor(
    private readonly runner: JobRunner,
    private readonly recurring: RecurringJobs,
    queue: JobQueue,
  ) {
    queue.onQueued(() => this.wakeAll());
  }

  /**
   * How a worker starts: refuses (throws, naming them) while a catalogued job type has no handler in
   * this process, since its jobs would only ever fail; books every standing schedule; then takes jobs.
   * Each module defines its own schedules, so the worker's main lists none of them.
   */
  async open(idleMs = IDLE_POLL_MS): Promise<void> {
    const missing = this.runner.missingHandlers();
    if (missing.length > 0) {
      throw new Error(
        `No handler for job type ${missing.map((type) => `"${type}"`).join(', ')}: register it in the module ` +
          'that owns it (JobRunner.register or RecurringJobs.define), and import that module into the worker.',
      );
    }
    await this.recurring.bookStanding();
    this.start(idleMs);
  }

  start(idleMs = IDLE_POLL_MS): void {
    if (!this.running) {
      this.logger.log(`Worker ${this.runner.workerId} is taking jobs (${this.lanes} lanes)`);
    }
    this.running ??= Promise.all(Array.from({ length: this.lanes }, () => this.loop(idleMs))).then(() => undefined);
  }

  private async loop(idleMs: number): Promise<void> {
    while (!this.stopping) {
      try {
        const settled = await this.runner.runDue();
        if (settled === 0) {
          await this.sleep(idleMs);
        }
      } catch (error) {
        // The database may be away for a moment; keep the loop alive and try again.
        this.logger.error(`Job loop error: ${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(idleMs * 5);
      }
    }
  }

  /** Stops taking jobs once the current one is settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    await this.running;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping) {
        resolve(); // a stop that came while this lane was busy: do not wait out a poll interval
        return;
      }
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private wakeAll(): void {
    [...this.sleepers].forEach((wake) => wake());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
