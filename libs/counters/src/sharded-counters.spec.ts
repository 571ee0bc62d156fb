import type { CounterRepository } from './counter.repository';
import { ShardedCounters } from './sharded-counters.service';

type Addition = { group: string; figure: string; delta: number };

/** A repository that writes what `answers` allow, one answer per call (a number written, or a throw). */
function repositoryAnswering(answers: Array<number | 'away'>) {
  const calls: Addition[][] = [];
  const repository = {
    addAll: (_process: string, additions: readonly Addition[]): Promise<number> => {
      calls.push(additions.map((addition) => ({ ...addition })));
      const answer = answers.shift() ?? additions.length;
      return answer === 'away' ? Promise.reject(new Error('connection closed')) : Promise.resolve(answer);
    },
  };
  return { repository: repository as unknown as CounterRepository, calls };
}

describe(ShardedCounters.name, () => {
  it('writes all the figures of an addition in one call', async () => {
    const { repository, calls } = repositoryAnswering([]);
    await new ShardedCounters(repository).add('survey:a', { started: 1, completed: 1, unchanged: 0 });
    expect(calls).toEqual([
      [
        { group: 'survey:a', figure: 'started', delta: 1 },
        { group: 'survey:a', figure: 'completed', delta: 1 },
      ],
    ]);
  });

  it('keeps what a write did not reach and adds it to the next write', async () => {
    // The first write stops after its first statement, the second fails outright, the third writes all.
    const { repository, calls } = repositoryAnswering([1, 'away']);
    const counters = new ShardedCounters(repository);
    await counters.add('survey:a', { started: 1, completed: 2, opened: 3 });
    await counters.add('survey:a', { completed: 1 });
    await counters.add('survey:a', { opened: 1 });
    expect(calls[1]).toEqual([
      { group: 'survey:a', figure: 'completed', delta: 3 },
      { group: 'survey:a', figure: 'opened', delta: 3 },
    ]);
    expect(calls[2]).toEqual([
      { group: 'survey:a', figure: 'completed', delta: 3 },
      { group: 'survey:a', figure: 'opened', delta: 4 },
    ]);
  });
});
