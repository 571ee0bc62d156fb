import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo, Types } from 'mongoose';
import type { Readable } from 'node:stream';

/** The GridFS bucket holding the library's bytes (collections `resource_files.files` and `.chunks`). */
const BUCKET = 'resource_files';

/**
 * The only code that touches the stored bytes. GridFS (`GridFSBucket`) works on MongoDB and on
 * FerretDB, so documents live in the database with everything else, backed up with it.
 */
@Injectable()
export class ResourceFileRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.connection.db!, { bucketName: BUCKET });
  }

  /** Stores the bytes under a new id and resolves once every chunk is written. */
  async save(fileName: string, contentType: string, bytes: Buffer): Promise<Types.ObjectId> {
    const id = new Types.ObjectId();
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket().openUploadStreamWithId(id, fileName, { metadata: { contentType } });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    return id;
  }

  /** The bytes as a stream, chunk by chunk (a download never holds the whole file in memory). */
  open(id: Types.ObjectId): Readable {
    return this.bucket().openDownloadStream(id);
  }

  async delete(id: Types.ObjectId): Promise<void> {
    await this.bucket()
      .delete(id)
      .catch((error: unknown) => {
        // Already gone (a repeated delete) is what we wanted.
        if (!(error instanceof Error && /File not found/i.test(error.message))) {
          throw error;
        }
      });
  }
}
