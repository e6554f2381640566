/**
 * Applies the SQL migrations drizzle-kit generated into drizzle/ (`npm run db:generate`).
 *
 * Same files and journal as drizzle-orm's own migrator (meta/_journal.json; applied migrations recorded in
 * `drizzle.__drizzle_migrations` with the file's sha256 and its `when`), so `drizzle-kit migrate` and this
 * runner agree on what has been applied. What this runner adds:
 *
 * - Safe under concurrency: everything happens in ONE transaction that first takes a transaction-scoped
 *   advisory lock, so two processes starting together (two dev servers, parallel test workers, a deploy's
 *   migrate step racing a serverless cold start) apply each migration exactly once; the second waits, then
 *   finds nothing pending. A failing migration rolls back completely.
 * - Idempotent: a migration is applied only if its `when` is newer than the last recorded one (drizzle's rule).
 * - A target schema other than `public` (tests): tables are created there through the connection's
 *   search_path, and the schema qualifier drizzle-kit writes into foreign keys (`"public"."merchants"`) is
 *   pointed at it, so a test schema never touches the real tables.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client';

export interface MigrationFile {
  tag: string;
  /** drizzle-kit's `when` (ms): the journal's order; a migration applies when newer than the last applied. */
  when: number;
  hash: string;
  statements: string[];
}

export interface MigrateOptions {
  /** Folder with meta/_journal.json; default `<cwd>/drizzle`. */
  migrationsFolder?: string;
  /** Schema the tables live in; must match the connection's search_path. Default `public`. */
  schema?: string;
}

export interface MigrateResult {
  /** Tags of the migrations this call applied (empty when the database was up to date). */
  applied: string[];
}

export const DEFAULT_MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/** An arbitrary but fixed advisory-lock class for "schema migrations"; the second key is per schema. */
const MIGRATION_LOCK_CLASS = 0x0b1a;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function readMigrationFiles(folder: string = DEFAULT_MIGRATIONS_FOLDER): MigrationFile[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries
    .map((entry) => {
      const text = readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8');
      return {
        tag: entry.tag,
        when: entry.when,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    })
    .sort((a, b) => a.when - b.when);
}

export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const files = readMigrationFiles(options.migrationsFolder);
  // drizzle's default journal location for `public`; a test schema keeps its journal next to its tables.
  const journalSchema = schema === 'public' ? 'drizzle' : schema;
  const journal = sql`${sql.identifier(journalSchema)}.${sql.identifier('__drizzle_migrations')}`;
  const retarget = (statement: string) => (schema === 'public' ? statement : statement.replaceAll('"public".', `"${schema}".`));

  return db.transaction(async (tx) => {
    // Held until commit/rollback; a concurrent migrator blocks here, then sees our journal rows.
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_CLASS}, hashtext(${schema}))`);
    await tx.execute(sql`create schema if not exists ${sql.identifier(journalSchema)}`);
    if (schema !== journalSchema) await tx.execute(sql`create schema if not exists ${sql.identifier(schema)}`);
    await tx.execute(sql`create table if not exists ${journal} (id serial primary key, hash text not null, created_at bigint)`);
    const last = await tx.execute(sql`select created_at from ${journal} order by created_at desc limit 1`);
    const lastWhen = Number(rowsOf<{ created_at: string | number | null }>(last)[0]?.created_at ?? -1);
    const applied: string[] = [];
    for (const file of files) {
      if (file.when <= lastWhen) continue;
      for (const statement of file.statements) await tx.execute(sql.raw(retarget(statement)));
      await tx.execute(sql`insert into ${journal} (hash, created_at) values (${file.hash}, ${file.when})`);
      applied.push(file.tag);
    }
    return { applied };
  });
}

/** node-postgres answers a QueryResult ({ rows }), PGlite a Results ({ rows }) too — but typed per driver. */
function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: T[] }).rows;
  return Array.isArray(rows) ? rows : (result as T[]);
}
