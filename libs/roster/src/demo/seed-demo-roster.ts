import { todayIso } from '@roundtable/census';
import { CensusComputer } from '../compute/census-computer.service';
import { ReferenceListRepository } from '../reference/reference-list.repository';
import { TenureRepository } from '../tenures/tenure.repository';
import { demoRoster } from './demo-roster';
import { newObjectId } from '@roundtable/core';

export interface DemoRosterDeps {
  tenures: TenureRepository;
  lists: ReferenceListRepository;
  computer: CensusComputer;
}

/**
 * Seeds the demo roster and its reference list when the roster is empty, and computes the census
 * like the worker does, so `npm start` shows "The role in numbers" at once. Returns the tenures added.
 */
export async function seedDemoRoster(deps: DemoRosterDeps, now = new Date()): Promise<number> {
  if (await deps.tenures.hasAny()) {
    return 0;
  }
  const { tenures, list } = demoRoster(todayIso(now));
  await deps.tenures.insertMany(
    tenures.map((tenure) => {
      const _id = newObjectId();
      return { ...tenure, _id, externalId: `demo-${_id}` };
    }),
    now,
  );
  await deps.lists.save({ ...list, uploadedAt: now });
  await deps.computer.compute(undefined, now);
  return tenures.length;
}
