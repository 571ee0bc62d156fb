import { DirectoryListingRepository, DirectoryModule } from '@roundtable/directory';
import { createTestApp, TestApp } from '../support/create-test-app';

/**
 * Writes that create their document on first use (an upsert), run at once: each found nothing and
 * inserted, and on FerretDB all but one failed with a duplicate key, a 500 for a double-clicked form.
 * They now land, one document each (core's upsertRacing, also tested on a bare model in database.e2e).
 */
describe('A directory opt-in sent at once', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp({ imports: [DirectoryModule] });
  });
  afterEach(() => t.close());

  it('a directory opt-in sent eight times at once leaves one listing with the fields chosen', async () => {
    const listings = t.app.get(DirectoryListingRepository);
    await Promise.all(Array.from({ length: 8 }, () => listings.optIn('member-1', ['title', 'company'])));
    const stored = await t.connection.collection('directory_listings').find().toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0].fields).toEqual(['title', 'company']);
  });
});
