/**
 * Throw-away databases for tests: the real PostgreSQL server (TEST_DATABASE_URL, default the local `test`
 * database) in a fresh schema of its own, or PGlite in a temporary directory — migrated from scratch, and
 * dropped / deleted by `cleanup()`. A test never touches tables it did not create.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createDatabase, type Database, type Db } from './client';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export type TestDriver = 'pg' | 'pglite';

export interface TestDatabase {
  driver: TestDriver;
  database: Database;
  db: Db;
  /** The schema (pg) or directory (pglite) holding the tables. */
  location: string;
  /** Opens a second, independent client on the same tables (another "process"). Closed by cleanup(). */
  connectAgain(): Database;
  cleanup(): Promise<void>;
}

export async function openTestDatabase(driver: TestDriver, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const extra: Database[] = [];
  let database: Database;
  let location: string;
  let connectAgain: () => Database;
  let drop: () => Promise<void>;
  if (driver === 'pg') {
    location = `bijia_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const open = () => createDatabase({ driver: 'pg', url: TEST_DATABASE_URL, schema: location, max: 4 });
    database = open();
    connectAgain = () => {
      const d = open();
      extra.push(d);
      return d;
    };
    drop = async () => {
      await database.db.execute(sql`drop schema if exists ${sql.identifier(location)} cascade`);
    };
  } else {
    location = mkdtempSync(path.join(tmpdir(), 'bijia-pglite-'));
    database = createDatabase({ driver: 'pglite', dataDir: location });
    connectAgain = () => {
      throw new Error('PGlite is single-process: one client per directory');
    };
    drop = async () => undefined;
  }
  if (options.migrate !== false) await database.migrate();
  return {
    driver,
    database,
    db: database.db,
    location,
    connectAgain,
    async cleanup() {
      await Promise.all(extra.map((d) => d.close().catch(() => undefined)));
      try {
        await drop();
      } finally {
        await database.close();
        if (driver === 'pglite') rmSync(location, { recursive: true, force: true });
      }
    },
  };
}
