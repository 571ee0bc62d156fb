import { Types } from 'mongoose';
import type { KeysetPlan } from '../queries/keyset';

/**
 * The ObjectId an id from outside names (a route parameter, a form, a cursor), or null for one that
 * cannot be an ObjectId, so the repository answers "not found" (a 404) instead of the database's
 * cast error (a 500). Repositories parse ids; services pass them on as text.
 */
export function parseObjectId(id: unknown): Types.ObjectId | null {
  return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}

/** A new ObjectId, as text (a record whose id is chosen before it is written). */
export function newObjectId(): string {
  return new Types.ObjectId().toHexString();
}

/**
 * A keyset plan over a collection whose `_id`s are ObjectIds: the cursor's `_id` (text in the plan)
 * parsed. A cursor whose `_id` is no ObjectId (edited by hand) matches no rows.
 */
export function objectIdKeyset(plan: KeysetPlan): KeysetPlan {
  if (plan.range === null) {
    return plan;
  }
  let malformed = false;
  const parse = (value: unknown): unknown => {
    const id = parseObjectId(value);
    malformed ||= id === null;
    return id;
  };
  const branch = (clause: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(clause).map(([field, value]) => {
        if (field !== '_id') {
          return [field, value];
        }
        // An `_id` is either equal to the cursor's (a tie on the fields before it) or beyond it.
        const bounds = isOperators(value) ? Object.entries(value).map(([op, id]) => [op, parse(id)]) : null;
        return [field, bounds ? Object.fromEntries(bounds) : parse(value)];
      }),
    );
  const { $or } = plan.range as { $or?: Array<Record<string, unknown>> };
  const range = $or ? { $or: $or.map(branch) } : branch(plan.range);
  return { ...plan, range: malformed ? { _id: { $in: [] } } : range };
}

function isOperators(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.keys(value).every((key) => key.startsWith('$'));
}
