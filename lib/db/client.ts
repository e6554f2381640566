/**
 * The database: PostgreSQL through Drizzle ORM.
 *
 * - `DATABASE_URL` set → a node-postgres Pool to that server.
 * - unset → an embedded PGlite (Postgres compiled to WASM) under `PGLITE_DIR` (default `.data/pglite`),
 *   created on first use — `npm run dev` needs nothing installed.
 *
 * One client per process, kept on globalThis so Next's hot reload reuses it instead of leaking pools (and
 * so two PGlite instances never open the same directory). `getDb()` hands out one Drizzle type for both
 * drivers; callers never care which is underneath.
 *
 * Migrations (drizzle/, see lib/db/migrate.ts) are applied automatically on first use with PGlite, and with a
 * server outside production (dev, tests). In production with a server, `npm run db:migrate` runs them at
 * deploy time, so a request never waits behind a schema change.
 */
import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { Pool } from 'pg';
import { loadEnv } from '../env';
import { migrate, type MigrateOptions, type MigrateResult } from './migrate';
import * as schema from './schema';
import { moduleLogger } from '../log';

export type DbSchema = typeof schema;
/** A Drizzle database over either driver. */
export type Db = PgDatabase<PgQueryResultHKT, DbSchema>;
/** The `tx` of `db.transaction(async (tx) => …)`. */
export type DbTransaction = PgTransaction<PgQueryResultHKT, DbSchema, ExtractTablesWithRelations<DbSchema>>;
/** Anything queries can run on: the database or a transaction. */
export type DbExecutor = Db | DbTransaction;

export type DbConfig =
  | {
      driver: 'pg';
      url: string;
      /** Tables live in this schema (search_path); for tests. Default `public`. */
      schema?: string;
      /** Pool size. Default 10 (serverless: keep it small, or put a pooler in front). */
      max?: number;
    }
  | {
      driver: 'pglite';
      /** A directory (created if missing), or `memory://`. */
      dataDir: string;
    };

export interface Database {
  readonly driver: 'pg' | 'pglite';
  readonly db: Db;
  /** Applies pending migrations (advisory-locked; safe to call from many processes at once). */
  migrate(options?: Omit<MigrateOptions, 'schema'>): Promise<MigrateResult>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens a database. The app uses getDb(); this is for scripts and tests that want their own. */
export function createDatabase(config: DbConfig): Database {
  if (config.driver === 'pg') {
    const dbSchema = config.schema ?? 'public';
    if (!SCHEMA_NAME.test(dbSchema)) throw new Error(`invalid schema name "${dbSchema}"`);
    const pool = new Pool({
      connectionString: config.url,
      max: config.max ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      ...(dbSchema === 'public' ? {} : { options: `-c search_path=${dbSchema}` }),
    });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    pool.on('error', (error) => moduleLogger('db').warn({ event: 'idle_connection_failed', reason: error.message }, 'idle PostgreSQL connection failed'));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    return {
      driver: 'pg',
      db,
      migrate: (options) => migrate(db, { ...options, schema: dbSchema }),
      close: () => pool.end(),
    };
  }
  const dataDir = config.dataDir.startsWith('memory://') ? config.dataDir : path.resolve(config.dataDir);
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    driver: 'pglite',
    db,
    migrate: (options) => migrate(db, options),
    close: () => client.close(),
  };
}

interface Shared {
  key: string;
  database: Database;
  ready: Promise<Db>;
}

const g = globalThis as typeof globalThis & { __bijiaDb?: Shared };

/** The configuration the environment asks for. */
export function dbConfigFromEnv(env = loadEnv()): DbConfig {
  return env.database.url ? { driver: 'pg', url: env.database.url } : { driver: 'pglite', dataDir: env.database.pgliteDir };
}

/** True when the app migrates by itself on first use (PGlite always; a server only outside production). */
export function autoMigrates(config: DbConfig, nodeEnv: string): boolean {
  return config.driver === 'pglite' || nodeEnv !== 'production';
}

/**
 * The process's database, ready to use (migrated first when autoMigrates). Concurrent first calls share one
 * open and one migration; a failed migration is not cached, so the next call tries again.
 */
export function getDb(): Promise<Db> {
  const env = loadEnv();
  const config = dbConfigFromEnv(env);
  const key = JSON.stringify(config);
  const shared = g.__bijiaDb;
  if (shared && shared.key === key) return shared.ready;
  if (shared) {
    // The configuration changed under us (tests switching environments): drop the old client.
    void shared.database.close().catch(() => undefined);
  }
  const database = createDatabase(config);
  const entry: Shared = {
    key,
    database,
    ready: (autoMigrates(config, env.nodeEnv) ? database.migrate() : Promise.resolve({ applied: [] })).then(
      ({ applied }) => {
        if (applied.length) moduleLogger('db').info({ event: 'migrated', applied }, 'applied migrations');
        return database.db;
      },
    ),
  };
  entry.ready.catch(() => {
    if (g.__bijiaDb === entry) delete g.__bijiaDb;
    void database.close().catch(() => undefined);
  });
  g.__bijiaDb = entry;
  return entry.ready;
}

/** Closes the process's database (scripts, tests). The next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const shared = g.__bijiaDb;
  delete g.__bijiaDb;
  if (shared) await shared.database.close();
}
