import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { DirectoryField } from './directory-entry';
import { DirectoryListing } from './directory-listing.schema';
import { upsertRacing } from '@roundtable/core';

export interface ListingRecord {
  _id: string;
  fields: DirectoryField[];
  updatedAt: Date;
}

/** The only code that touches the directory listings. */
@Injectable()
export class DirectoryListingRepository {
  constructor(@InjectModel(DirectoryListing.name) private readonly listings: Model<DirectoryListing>) {}

  findByMember(memberId: string): Promise<ListingRecord | null> {
    return this.listings.findById(memberId).lean<ListingRecord>();
  }

  /** Every listing: the opted-in members of a council (hundreds at most). */
  listAll(): Promise<ListingRecord[]> {
    return this.listings.find().limit(10_000).lean<ListingRecord[]>();
  }

  /** Lists the member with these fields (one document per member, replaced whole). */
  async optIn(memberId: string, fields: DirectoryField[]): Promise<void> {
    await upsertRacing(() =>
      this.listings.replaceOne({ _id: memberId }, { fields, updatedAt: new Date() }, { upsert: true }),
    );
  }

  async optOut(memberId: string): Promise<void> {
    await this.listings.deleteOne({ _id: memberId });
  }

  /** Erasure: the listing goes (the same as opting out; named for the caller's intent). */
  eraseMember(memberId: string): Promise<void> {
    return this.optOut(memberId);
  }
}
