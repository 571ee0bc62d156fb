import { GroupCommit } from './group-commit';

/** A write that holds until released, recording the groups it was given. */
function heldWrites() {
  const groups: number[][] = [];
  const releases: Array<(error?: Error) => void> = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      groups.push(items);
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  return { groups, releases, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(GroupCommit.name, () => {
  it('writes what was added in one tick together, and what came during a write in the next write', async () => {
    const { groups, releases, write } = heldWrites();
    const commit = new GroupCommit(write);
    const done: number[] = [];
    const first = [1, 2, 3].map((n) => commit.add(n).then(() => done.push(n)));
    await tick();
    expect(groups).toEqual([[1, 2, 3]]);
    const later = [4, 5].map((n) => commit.add(n).then(() => done.push(n)));
    await tick();
    expect(groups).toHaveLength(1); // 4 and 5 wait for the write under way
    expect(done).toEqual([]);
    releases[0]();
    await Promise.all(first);
    await tick();
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(done).toEqual([1, 2, 3]);
    releases[1]();
    await Promise.all(later);
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects the items of a failed write only, and writes again afterwards', async () => {
    const { groups, releases, write } = heldWrites();
    const commit = new GroupCommit(write);
    const failed = commit.add(1);
    await tick();
    const next = commit.add(2);
    releases[0](new Error('database away'));
    await expect(failed).rejects.toThrow('database away');
    await tick();
    releases[1]();
    await expect(next).resolves.toBeUndefined();
    const after = commit.add(3);
    await tick();
    releases[2]();
    await after;
    expect(groups).toEqual([[1], [2], [3]]);
  });

  it("answers each caller with the write's result for its own item", async () => {
    const commit = new GroupCommit<number, string>((items) => Promise.resolve(items.map((n) => `written ${n}`)));
    await expect(Promise.all([commit.add(1), commit.add(2), commit.add(3)])).resolves.toEqual([
      'written 1',
      'written 2',
      'written 3',
    ]);
  });
});
