import { DirectoryListingRepository } from '@roundtable/directory';
import type { TestApp } from './create-test-app';

/** Lists a member in the directory with these fields, as opting in from the portal does. */
export async function buildDirectoryListing(
  t: TestApp,
  memberId: string,
  fields: Parameters<DirectoryListingRepository['optIn']>[1] = ['title'],
): Promise<void> {
  await t.app.get(DirectoryListingRepository).optIn(memberId, fields);
}
