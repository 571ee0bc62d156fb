import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { databaseConfig } from '../../config/configuration';
import { FerretDbCatalog } from './ferretdb-catalog';
import { mirroredFields } from './mirror-plan';
import { RegisteredModelsRepository } from './registered-models.repository';

/**
 * Mirrors the schemas' equality indexes into FerretDB's PostgreSQL tables as GIN expression indexes,
 * when the app runs on FerretDB on PostgreSQL (the embedded default), and only then: FerretDB v1 looks
 * up even `_id` by scanning there, and these indexes turn its lookups into index scans
 * (docs/storage.md, "FerretDB on PostgreSQL"). MongoDB uses the schemas' own indexes.
 *
 * It runs at start-up, before the app serves (after the models have created their collections), and
 * again every `FERRETDB_INDEX_MIRROR_CHECK_MS`, which catches a collection created or dropped and made
 * again later: the check is two catalogue reads and creates only what is missing. FerretDB's database
 * runs with `plan_cache_mode = force_custom_plan` (tools/servers sets it), so an index created after
 * its connections first ran a lookup is used at once.
 */
@Injectable()
export class IndexMirror implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IndexMirror.name);
  private catalog: FerretDbCatalog | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private lastFailure: string | null = null;
  /** Whether the database is FerretDB: unknown until buildInfo has answered (asked again after a failure). */
  private ferretDb: boolean | null = null;

  constructor(
    private readonly models: RegisteredModelsRepository,
    @Inject(databaseConfig.KEY) private readonly config: ConfigType<typeof databaseConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.ferretDbPostgresUrl;
    if (!url || !this.config.indexMirror) {
      return;
    }
    this.catalog = new FerretDbCatalog(url);
    await this.models.createCollections();
    await this.check();
    if (this.ferretDb !== false) {
      this.timer = setInterval(() => void this.check(), this.config.indexMirrorCheckMs);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.checking;
    await this.catalog?.close();
  }

  /** Creates whatever mirrored index is missing now; one check at a time in this process. */
  check(): Promise<void> {
    this.checking ??= this.mirrorMissing().finally(() => (this.checking = null));
    return this.checking;
  }

  private async mirrorMissing(): Promise<void> {
    const schema = this.models.databaseName();
    if (!this.catalog || !schema) {
      return;
    }
    try {
      if (this.ferretDb === null) {
        this.ferretDb = await this.servedByFerretDb();
        if (this.ferretDb) {
          await this.warnUnlessCustomPlans();
        }
      }
      if (!this.ferretDb) {
        return;
      }
      const created = await this.catalog.mirror(schema, this.wantedFields());
      this.lastFailure = null;
      if (created.length > 0) {
        const list = created.map((index) => `${index.table}(${index.field})`).join(', ');
        this.logger.log(`Mirrored ${created.length} equality indexes into FerretDB's PostgreSQL (${schema}): ${list}`);
      }
    } catch (error) {
      // Lookups stay correct without the indexes, only slower: warn once per distinct failure, retry on the next check.
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastFailure) {
        this.logger.warn(`Could not mirror indexes into FerretDB's PostgreSQL (${schema}): ${message}`);
        this.lastFailure = message;
      }
    }
  }

  /** The fields mirrored per collection, from the schemas of the models this process registered. */
  wantedFields(): Map<string, string[]> {
    return mirroredFields(this.models.modelIndexes());
  }

  /** FerretDB names itself in buildInfo; a PostgreSQL URL beside a real MongoDB is a mistake worth saying. */
  private async servedByFerretDb(): Promise<boolean> {
    if (await this.models.servedByFerretDb()) {
      return true;
    }
    this.logger.warn('FERRETDB_POSTGRESQL_URL is set but the database is not FerretDB: no indexes are mirrored.');
    return false;
  }

  private async warnUnlessCustomPlans(): Promise<void> {
    const mode = await this.catalog?.planCacheMode().catch(() => null);
    if (mode && mode !== 'force_custom_plan') {
      this.logger.warn(
        `FerretDB's PostgreSQL database has plan_cache_mode=${mode}: an index mirrored after FerretDB's connections ` +
          'first ran a lookup may go unused; set it with ALTER DATABASE … SET plan_cache_mode = force_custom_plan.',
      );
    }
  }
}
