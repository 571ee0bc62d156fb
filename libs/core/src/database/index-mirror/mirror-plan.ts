import { createHash } from 'node:crypto';

/**
 * Which GIN expression indexes FerretDB's PostgreSQL tables need, from the indexes the schemas declare.
 * Pure: no mongoose, no pg. See docs/storage.md ("FerretDB on PostgreSQL") for why these indexes exist.
 *
 * FerretDB v1 sends a top-level equality as `_jsonb->$1 @> $2`, which its own btree indexes cannot
 * serve; a GIN index on `(_jsonb->'<field>')` can. Every collection gets one for `_id`. From each
 * declared index it takes the fields an equality lookup can match: the leading fields, in order,
 * up to the first that is `_id`, a dotted path (FerretDB does not push those down) or a Date (a
 * timestamp is filtered by range, and ranges are not pushed down either). So `{ email: 1 }` mirrors
 * `email`, `{ type: 1, status: 1, finishedAt: -1 }` mirrors `type` and `status`, `{ surveyId: 1, _id: 1 }`
 * mirrors `surveyId`, and `{ expiresAt: 1 }` or `{ 'membership.state': 1 }` mirror nothing. A trailing
 * sort key that is not a date (a `position`) is mirrored too: the schema cannot say it is only sorted on,
 * and a GIN index on a small collection costs little.
 */

/** What the plan needs to know about one model: its collection, its declared index keys, its Date paths. */
export interface ModelIndexes {
  collection: string;
  /** Each declared index's key document, in declaration order (`schema.indexes()`' first elements). */
  indexKeys: Array<Record<string, unknown>>;
  /** Whether the schema declares this path as a Date. */
  isDate(path: string): boolean;
}

/** A collection as FerretDB's metadata table maps it: the collection's name and its table. */
export interface MappedCollection {
  collection: string;
  table: string;
}

/** One GIN expression index to create. */
export interface MirroredIndex {
  name: string;
  table: string;
  field: string;
}

/** The fields to mirror per collection (`_id` first), from the models' declared indexes. */
export function mirroredFields(models: ModelIndexes[]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const model of models) {
    const own = fields.get(model.collection) ?? ['_id'];
    for (const keys of model.indexKeys) {
      for (const field of equalityPrefix(keys, model)) {
        if (!own.includes(field)) {
          own.push(field);
        }
      }
    }
    fields.set(model.collection, own);
  }
  return fields;
}

function equalityPrefix(keys: Record<string, unknown>, model: ModelIndexes): string[] {
  const prefix: string[] = [];
  for (const [field, direction] of Object.entries(keys)) {
    const ascendingOrDescending = direction === 1 || direction === -1;
    if (!ascendingOrDescending || field === '_id' || field.includes('.') || model.isDate(field)) {
      break;
    }
    prefix.push(field);
  }
  return prefix;
}

/**
 * The indexes missing from `existing` (index names in the schema) for these tables: `_id` for every
 * table, and the fields `wanted` lists for its collection.
 */
export function missingIndexes(
  tables: MappedCollection[],
  wanted: Map<string, string[]>,
  existing: ReadonlySet<string>,
): MirroredIndex[] {
  const missing: MirroredIndex[] = [];
  for (const { collection, table } of tables) {
    for (const field of wanted.get(collection) ?? ['_id']) {
      const name = mirrorIndexName(table, field);
      if (!existing.has(name)) {
        missing.push({ name, table, field });
      }
    }
  }
  return missing;
}

const MAX_IDENTIFIER = 63;
const MARK = 'rtgin';

/**
 * A deterministic name within PostgreSQL's 63 characters: readable parts of the table and field, and a
 * hash of both, so every process derives the same name and two long names never collide.
 */
export function mirrorIndexName(table: string, field: string): string {
  const hash = createHash('sha256').update(`${table}\0${field}`).digest('hex').slice(0, 8);
  const suffix = `_${MARK}_${hash}`;
  const fieldPart = readable(field).slice(0, 20);
  const tablePart = readable(table).slice(0, MAX_IDENTIFIER - suffix.length - fieldPart.length - 1);
  return `${tablePart}_${fieldPart}${suffix}`;
}

/** Whether an index name is one this mirror made (the name's mark and hash). */
export function isMirrorIndexName(name: string): boolean {
  return new RegExp(`_${MARK}_[0-9a-f]{8}$`).test(name);
}

function readable(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** `CREATE INDEX IF NOT EXISTS` for one mirrored index, every name quoted. */
export function createIndexStatement(schema: string, index: MirroredIndex): string {
  return (
    `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(index.name)} ON ${quoteIdentifier(schema)}.${quoteIdentifier(index.table)} ` +
    `USING gin ((_jsonb->${quoteLiteral(index.field)}))`
  );
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
