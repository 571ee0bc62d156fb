import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import type { ModelIndexes } from './mirror-plan';

/**
 * What the index mirror reads of the database connection: the models this process registered (their
 * collections and declared indexes), the database's name and what server answers. The only code of
 * the mirror that touches the connection.
 */
@Injectable()
export class RegisteredModelsRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** Each model's init() creates its collection and declared indexes (autoIndex); then the tables exist. */
  async createCollections(): Promise<void> {
    await Promise.allSettled(Object.values(this.connection.models).map((model) => model.init()));
  }

  databaseName(): string | undefined {
    return this.connection.db?.databaseName;
  }

  /** The collection, declared index keys and date paths of every registered model. */
  modelIndexes(): ModelIndexes[] {
    return Object.values(this.connection.models).map((model: Model<unknown>) => ({
      collection: model.collection.collectionName,
      indexKeys: model.schema.indexes().map(([keys]) => keys as Record<string, unknown>),
      isDate: (path: string) => model.schema.path(path)?.instance === 'Date',
    }));
  }

  /** Whether the server names itself FerretDB in buildInfo. */
  async servedByFerretDb(): Promise<boolean> {
    const info = await this.connection.db!.admin().command({ buildInfo: 1 });
    return typeof info.ferretdbVersion === 'string';
  }
}
