import { Pool, type PoolClient } from 'pg';
import {
  createIndexStatement,
  missingIndexes,
  quoteIdentifier,
  type MappedCollection,
  type MirroredIndex,
} from './mirror-plan';

/** FerretDB's table mapping collections to tables, one per database (a PostgreSQL schema). */
const METADATA_TABLE = '_ferretdb_database_metadata';

/**
 * The only code that speaks SQL to FerretDB's PostgreSQL database: it reads which table holds each
 * collection and which indexes exist, and creates the missing mirrored indexes. Creation happens under
 * a transaction-scoped advisory lock per schema, so API processes and workers starting together take
 * turns: the first creates, the others find nothing missing (two concurrent `CREATE INDEX IF NOT
 * EXISTS` of one name can otherwise fail with a duplicate key in `pg_class`).
 */
export class FerretDbCatalog {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url, max: 1, idleTimeoutMillis: 5_000, connectionTimeoutMillis: 3_000 });
    // An idle client's error (the server restarting) must not stop the process; the next check reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Creates the indexes `wanted` calls for that are missing in `schema`; returns those it created. */
  async mirror(schema: string, wanted: Map<string, string[]>): Promise<MirroredIndex[]> {
    const client = await this.pool.connect();
    try {
      const before = missingIndexes(await this.tables(client, schema), wanted, await this.indexNames(client, schema));
      if (before.length === 0) {
        return [];
      }
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roundtable index mirror ${schema}`]);
        const missing = missingIndexes(
          await this.tables(client, schema),
          wanted,
          await this.indexNames(client, schema),
        );
        for (const index of missing) {
          await client.query(createIndexStatement(schema, index));
        }
        await client.query('COMMIT');
        return missing;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
  }

  /** The database's own `plan_cache_mode`, which new connections (FerretDB's) start with. */
  async planCacheMode(): Promise<string> {
    const result = await this.pool.query<{ mode: string }>(`SELECT current_setting('plan_cache_mode') AS mode`);
    return result.rows[0].mode;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The collections FerretDB keeps in `schema` and their tables (none while the database has no collection). */
  private async tables(client: PoolClient, schema: string): Promise<MappedCollection[]> {
    const exists = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
      `${quoteIdentifier(schema)}.${METADATA_TABLE}`,
    ]);
    if (!exists.rows[0].found) {
      return [];
    }
    const result = await client.query<MappedCollection>(
      `SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table FROM ${quoteIdentifier(schema)}.${METADATA_TABLE}`,
    );
    return result.rows;
  }

  private async indexNames(client: PoolClient, schema: string): Promise<Set<string>> {
    const result = await client.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE schemaname = $1', [
      schema,
    ]);
    return new Set(result.rows.map((row) => row.indexname));
  }
}
