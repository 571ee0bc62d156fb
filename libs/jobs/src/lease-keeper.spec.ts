import { JobRunner } from './job-runner.service';
import { ClaimedJob, JobRepository } from './job.repository';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A queue holding one claimed job, whose writes to that job each take a few milliseconds. */
function oneJobQueue() {
  const log: string[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const write = async (name: string, result: boolean) => {
    inFlight += 1;
    mostAtOnce = Math.max(mostAtOnce, inFlight);
    log.push(name);
    await sleep(5);
    inFlight -= 1;
    return result;
  };
  let claimed = false;
  const job = { _id: 'job-1', type: 'census.compute', payload: { asOf: null }, attempts: 1, maxAttempts: 3 };
  const repository = {
    claimBatch: () => {
      const batch = claimed ? [] : [job as unknown as ClaimedJob];
      claimed = true;
      return Promise.resolve(batch);
    },
    extendLease: () => write('renew', true),
    checkpoint: () => write('checkpoint', true),
    settle: () => write('settle', true),
    record: () => Promise.resolve(),
  };
  return { repository: repository as unknown as JobRepository, log, mostAtOnce: () => mostAtOnce };
}

describe('A running job keeps its lease (JobRunner with LeaseKeeper)', () => {
  it('renews the lease while a handler runs longer than the lease, so no other lane takes the job', async () => {
    const queue = oneJobQueue();
    const runner = new JobRunner(queue.repository);
    runner.leaseMs = 60;
    runner.register('census.compute', () => sleep(300));
    expect(await runner.runDue(1)).toBe(1);
    expect(queue.log.filter((entry) => entry === 'renew').length).toBeGreaterThanOrEqual(2);
    expect(queue.log.at(-1)).toBe('settle'); // nothing renews a settled job
  });

  it("runs the handler's checkpoints one at a time with the renewals, never beside one", async () => {
    const queue = oneJobQueue();
    const runner = new JobRunner(queue.repository);
    runner.leaseMs = 30;
    runner.register('census.compute', async (_payload, context) => {
      for (let k = 0; k < 20; k += 1) {
        expect(await context.checkpoint({ k })).toBe(true);
        await sleep(3);
      }
    });
    expect(await runner.runDue(1)).toBe(1);
    expect(queue.log.filter((entry) => entry === 'checkpoint')).toHaveLength(20);
    expect(queue.mostAtOnce()).toBe(1);
  });
});
