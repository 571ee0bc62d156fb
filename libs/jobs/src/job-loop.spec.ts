import { JOB_KINDS, JOB_TYPES, JobType } from './job-catalogue';
import { JobLoop } from './job-loop.service';
import { JobQueue } from './job-queue.service';
import { JobRunner } from './job-runner.service';
import { JobRepository } from './job.repository';
import { RecurringJobs } from './recurring-jobs.service';

/** A queue that only records what was booked (ids are unique, as the collection's `_id` makes them). */
function fakeRepository(booked: Set<string>): JobRepository {
  const repository = {
    insert: (_type: string, _payload: object, options: { id?: string }) => {
      if (options.id && booked.has(options.id)) {
        return Promise.resolve(null);
      }
      booked.add(options.id ?? String(booked.size));
      return Promise.resolve({});
    },
    claimBatch: () => Promise.resolve([]),
  };
  return repository as unknown as JobRepository;
}

function worker(booked = new Set<string>()) {
  const repository = fakeRepository(booked);
  const runner = new JobRunner(repository);
  const recurring = new RecurringJobs(runner, repository);
  const loop = new JobLoop(runner, recurring, new JobQueue(repository));
  return { runner, recurring, loop, booked };
}

/** Registers every catalogued type as its kind asks, except `except`. */
function registerAll({ runner, recurring }: ReturnType<typeof worker>, except: JobType[] = []): void {
  for (const type of JOB_TYPES.filter((candidate) => !except.includes(candidate))) {
    if (JOB_KINDS[type] === 'queued') {
      runner.register(type, () => Promise.resolve());
    } else {
      recurring.define(type, { everyMs: 60_000 }, () => Promise.resolve());
    }
  }
}

describe(JobLoop.name, () => {
  let opened: JobLoop | null = null;
  afterEach(async () => {
    await opened?.stop();
    opened = null;
  });

  it('refuses to start while a catalogued job type has no handler, naming it', async () => {
    const w = worker();
    registerAll(w, ['mail.send', 'rankings.compute']);
    await expect(w.loop.open()).rejects.toThrow('No handler for job type "mail.send", "rankings.compute"');
    expect(w.booked.size).toBe(0);
  });

  it('refuses to start while a standing schedule is only a plain handler (it would run once)', async () => {
    const w = worker();
    registerAll(w, ['billing.sweep']);
    w.runner.register('billing.sweep', () => Promise.resolve());
    await expect(w.loop.open()).rejects.toThrow('No module defines the recurring schedule of "billing.sweep"');
  });

  it('books every standing schedule of the catalogue once, however many workers start', async () => {
    const booked = new Set<string>();
    const first = worker(booked);
    const second = worker(booked);
    registerAll(first);
    registerAll(second);
    opened = first.loop;
    await first.loop.open(60_000);
    await first.loop.stop();
    opened = second.loop;
    await second.loop.open(60_000);
    const standing = JOB_TYPES.filter((type) => JOB_KINDS[type] === 'standing');
    expect([...booked].sort()).toEqual(standing.map((type) => `sched:${type}:default`).sort());
  });
});
