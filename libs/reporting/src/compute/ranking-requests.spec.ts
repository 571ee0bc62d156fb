import type { JobQueue } from '@roundtable/jobs';
import type { RankingRequestRepository } from '../snapshots/request.repository';
import { RANKING_JOB, RankingRequests } from './ranking-requests.service';

/** A request store that decides "first" by id, as the unique `_id` does, and counts its round trips. */
function fakes(failures = 0) {
  const ids = new Set<string>();
  const calls: string[] = [];
  let failing = failures;
  const repository = {
    insertOnce: async (id: string) => {
      calls.push(id);
      await new Promise((resolve) => setImmediate(resolve));
      if (failing > 0) {
        failing--;
        throw new Error('database away');
      }
      if (ids.has(id)) {
        return false;
      }
      ids.add(id);
      return true;
    },
  };
  const queued: Array<{ type: string; payload: Record<string, unknown>; runAt?: Date }> = [];
  const queue = {
    enqueue: async (type: string, payload: Record<string, unknown>, options: { runAt?: Date } = {}) => {
      queued.push({ type, payload, runAt: options.runAt });
    },
  };
  const requests = new RankingRequests(repository as unknown as RankingRequestRepository, queue as unknown as JobQueue);
  return { requests, calls, queued, ids };
}

const at = (minute: number, second: number) => new Date(Date.UTC(2026, 10, 23, 16, minute, second));

describe(RankingRequests.name, () => {
  it('queues one job per survey and minute, and the other completions of that minute cost no round trip', async () => {
    const { requests, calls, queued } = fakes();
    const made = await Promise.all([
      requests.afterCompletion('s1', at(5, 1)),
      requests.afterCompletion('s1', at(5, 2)),
      requests.afterCompletion('s1', at(5, 3)),
    ]);
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await requests.afterCompletion('s1', at(5, 59))).toBe(false);
    expect(calls).toEqual(['completions:s1:' + Math.floor(at(5, 0).getTime() / 60_000)]);
    expect(queued).toEqual([
      { type: RANKING_JOB, payload: { surveyId: 's1', trigger: 'completions' }, runAt: at(6, 0) },
    ]);

    expect(await requests.afterCompletion('s1', at(6, 0))).toBe(true);
    expect(await requests.afterCompletion('s2', at(6, 0))).toBe(true);
    expect(calls).toHaveLength(3);
    expect(queued).toHaveLength(3);
  });

  it('queues nothing when another process made the minute’s request, and asks only once', async () => {
    const { requests, calls, queued, ids } = fakes();
    ids.add('completions:s1:' + Math.floor(at(5, 0).getTime() / 60_000));
    expect(await requests.afterCompletion('s1', at(5, 10))).toBe(false);
    expect(await requests.afterCompletion('s1', at(5, 20))).toBe(false);
    expect(calls).toHaveLength(1);
    expect(queued).toHaveLength(0);
  });

  it('tries again after an insert that failed, so a completion is never left without its request', async () => {
    const { requests, calls, queued } = fakes(1);
    await expect(requests.afterCompletion('s1', at(5, 10))).rejects.toThrow('database away');
    expect(await requests.afterCompletion('s1', at(5, 20))).toBe(true);
    expect(calls).toHaveLength(2);
    expect(queued).toHaveLength(1);
  });
});
