import { Types } from 'mongoose';
import { encodeCursor, keysetPlan, type SortKey } from '../queries/keyset';
import { newObjectId, objectIdKeyset, parseObjectId } from './object-id';

const ORDER: SortKey[] = [
  { field: 'position', direction: 1 },
  { field: '_id', direction: 1 },
];
const ID = '64b7f0c2a1b2c3d4e5f60718';

describe('parseObjectId', () => {
  it('parses the 24 hex digits of an ObjectId', () => {
    expect(parseObjectId(ID)).toEqual(new Types.ObjectId(ID));
    expect(parseObjectId(ID.toUpperCase())?.toHexString()).toBe(ID);
  });

  it('answers null for anything else, so the caller says "not found" instead of failing', () => {
    for (const id of ['', 'abc', `${ID}0`, 'twelve chars', 'zzzzzzzzzzzzzzzzzzzzzzzz', undefined, null, 42]) {
      expect(parseObjectId(id)).toBeNull();
    }
  });
});

describe('newObjectId', () => {
  it('makes a new id each time, as text that parses', () => {
    const [a, b] = [newObjectId(), newObjectId()];
    expect(a).not.toBe(b);
    expect(parseObjectId(a)?.toHexString()).toBe(a);
  });
});

describe('objectIdKeyset', () => {
  it('leaves a first page alone', () => {
    const plan = keysetPlan(ORDER, { size: 10 });
    expect(objectIdKeyset(plan)).toBe(plan);
  });

  it("parses the cursor's _id in each branch of the range, keeping the other fields", () => {
    const plan = objectIdKeyset(keysetPlan(ORDER, { after: encodeCursor([3, ID]), size: 10 }));
    expect(plan.range).toEqual({
      $or: [{ position: { $gt: 3 } }, { position: 3, _id: { $gt: new Types.ObjectId(ID) } }],
    });
    expect(plan.sort).toEqual({ position: 1, _id: 1 });
  });

  it('parses a range on _id alone, read backward', () => {
    const plan = objectIdKeyset(keysetPlan([{ field: '_id', direction: 1 }], { before: encodeCursor([ID]), size: 10 }));
    expect(plan.range).toEqual({ _id: { $lt: new Types.ObjectId(ID) } });
    expect(plan.backward).toBe(true);
  });

  it('matches nothing for a cursor whose _id is no ObjectId (edited by hand), instead of a cast error', () => {
    const plan = objectIdKeyset(keysetPlan(ORDER, { after: encodeCursor([3, 'not-an-id']), size: 10 }));
    expect(plan.range).toEqual({ _id: { $in: [] } });
  });
});
