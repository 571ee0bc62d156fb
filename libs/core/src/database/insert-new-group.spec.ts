import { InsertNewGroup } from './insert-new-group';

type Doc = { _id: string };

/** An `insertNew` that holds until released, recording the groups it was given, over existing `_id`s. */
function heldInserts(existing: string[] = []) {
  const stored = new Set(existing);
  const groups: string[][] = [];
  const releases: Array<(error?: Error) => void> = [];
  const insertNew = (documents: Doc[]) =>
    new Promise<Set<string>>((resolve, reject) => {
      groups.push(documents.map((d) => d._id));
      releases.push((error) => {
        if (error) {
          reject(error);
          return;
        }
        const inserted = new Set<string>();
        for (const { _id } of documents) {
          if (!stored.has(_id)) {
            stored.add(_id);
            inserted.add(_id);
          }
        }
        resolve(inserted);
      });
    });
  return { groups, releases, insertNew };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const docs = (...ids: string[]): Doc[] => ids.map((_id) => ({ _id }));

describe(InsertNewGroup.name, () => {
  it('writes concurrent callers in one insert and tells each which of its own documents were new', async () => {
    const { groups, releases, insertNew } = heldInserts(['a:started']);
    const group = new InsertNewGroup(insertNew);
    const first = group.add(docs('a:started', 'a:completed'));
    const second = group.add(docs('b:started', 'b:completed'));
    await tick();
    expect(groups).toEqual([['a:started', 'a:completed', 'b:started', 'b:completed']]);
    releases[0]();
    expect([...(await first)]).toEqual(['a:completed']);
    expect([...(await second)]).toEqual(['b:started', 'b:completed']);
  });

  it('tells only the first of two callers adding the same _id in one group that it was new (two tabs)', async () => {
    const { groups, releases, insertNew } = heldInserts();
    const group = new InsertNewGroup(insertNew);
    const tab1 = group.add(docs('a:started', 'a:completed'));
    const tab2 = group.add(docs('a:started', 'a:completed'));
    await tick();
    expect(groups).toEqual([['a:started', 'a:completed']]);
    releases[0]();
    expect([...(await tab1)]).toEqual(['a:started', 'a:completed']);
    expect([...(await tab2)]).toEqual([]);
  });

  it('writes what came during a write in the next one, and a failed write rejects only its callers', async () => {
    const { groups, releases, insertNew } = heldInserts();
    const group = new InsertNewGroup(insertNew);
    const early = group.add(docs('a:completed'));
    await tick();
    const late = group.add(docs('b:completed'));
    await tick();
    expect(groups).toEqual([['a:completed']]);
    releases[0](new Error('connection reset'));
    await expect(early).rejects.toThrow('connection reset');
    await tick();
    expect(groups).toEqual([['a:completed'], ['b:completed']]);
    releases[1]();
    expect([...(await late)]).toEqual(['b:completed']);
  });
});
