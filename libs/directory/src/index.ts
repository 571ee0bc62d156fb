/**
 * @roundtable/directory: the members' directory. Members opt in from their portal and choose which
 * fields peers see; only members and staff read it, and staff see every member.
 */
export { DirectoryModule } from './directory.module';
export { DirectoryListingRepository } from './directory-listing.repository';
