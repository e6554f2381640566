/**
 * Migrations from scratch, idempotent, and safe when several processes start at once — on the real
 * PostgreSQL server (a schema of its own in the `test` database) and on PGlite (a temporary directory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, createDatabase, getDb, type Db } from '@/lib/db/client';
import { readMigrationFiles } from '@/lib/db/migrate';
import { openTestDatabase, type TestDatabase, type TestDriver } from '@/lib/db/testing';
import { setEnv } from '../support/process-singletons';

// PGlite's first start in a fresh directory (initdb in WASM) takes seconds; more on a loaded CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const rowsOf = <T,>(result: unknown): T[] => (result as { rows: T[] }).rows;

async function columns(db: Db, schema: string) {
  const result = await db.execute(sql`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = ${schema} order by table_name, ordinal_position`);
  return rowsOf<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(result);
}

async function indexes(db: Db, schema: string) {
  const result = await db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = ${schema} and tablename = 'orders' order by indexname`);
  return rowsOf<{ indexname: string; indexdef: string }>(result);
}

const open: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.cleanup()));
});

async function fresh(driver: TestDriver, migrate = true) {
  const t = await openTestDatabase(driver, { migrate });
  open.push(t);
  return t;
}

const schemaOf = (t: TestDatabase) => (t.driver === 'pg' ? t.location : 'public');

describe('migration files', () => {
  it('are generated and listed in the journal', () => {
    const files = readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files[0]!.statements.some((s) => s.startsWith('CREATE TABLE "orders"'))).toBe(true);
  });
});

describe.each(['pg', 'pglite'] as const)('migrations on %s', (driver) => {
  it('apply from scratch: every table, column type and index of the orders page', async () => {
    const t = await fresh(driver, false);
    const { applied } = await t.database.migrate();
    expect(applied).toEqual(readMigrationFiles().map((f) => f.tag));

    const cols = await columns(t.db, schemaOf(t));
    const tables = new Set(cols.map((c) => c.table_name).filter((name) => name !== '__drizzle_migrations'));
    expect([...tables].sort()).toEqual(['merchant_tokens', 'merchants', 'order_sync_state', 'orders', 'price_snapshot_heads', 'price_snapshots']);
    const type = (table: string, column: string) => cols.find((c) => c.table_name === table && c.column_name === column)?.data_type;
    expect(type('orders', 'total_fen')).toBe('integer');
    expect(type('orders', 'post_fee_fen')).toBe('integer');
    expect(type('orders', 'discount_fen')).toBe('integer');
    expect(type('orders', 'updated_at')).toBe('timestamp with time zone');
    expect(type('orders', 'items')).toBe('jsonb');
    expect(type('order_sync_state', 'checkpoint')).toBe('timestamp with time zone');
    expect(type('merchant_tokens', 'access_token_enc')).toBe('text');
    expect(type('price_snapshots', 'price_fen')).toBe('integer');
    expect(type('price_snapshots', 'observed_at')).toBe('timestamp with time zone');
    // Raw buyer PII has no column to go to.
    const orderColumns = cols.filter((c) => c.table_name === 'orders').map((c) => c.column_name);
    expect(orderColumns).not.toContain('buyer_phone');
    expect(orderColumns.some((c) => /district|detail|address/.test(c))).toBe(false);

    const idx = await indexes(t.db, schemaOf(t));
    const def = (name: string) => idx.find((i) => i.indexname === name)?.indexdef ?? '';
    expect(def('orders_pkey')).toMatch(/\(shop_id, order_id\)/);
    expect(def('orders_shop_updated_idx')).toMatch(/\(shop_id, updated_at DESC\)/);
    expect(def('orders_shop_status_created_idx')).toMatch(/\(shop_id, status, created_at DESC\)/);
  });

  it('are idempotent: a second run applies nothing and changes nothing', async () => {
    const t = await fresh(driver);
    await t.db.execute(sql`insert into merchants (shop_id, shop_name) values ('1', 'x')`);
    expect((await t.database.migrate()).applied).toEqual([]);
    expect((await t.database.migrate()).applied).toEqual([]);
    const journalTable = t.driver === 'pg' ? sql`${sql.identifier(t.location)}.__drizzle_migrations` : sql`drizzle.__drizzle_migrations`;
    const journal = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from ${journalTable}`));
    expect(journal[0]!.n).toBe(readMigrationFiles().length);
    expect(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from merchants`))[0]!.n).toBe(1);
  });

  it('many migrators at once apply each migration exactly once', async () => {
    const t = await fresh(driver, false);
    // pg: separate pools, i.e. separate "processes"; PGlite: one process, concurrent callers.
    const migrators = driver === 'pg' ? [t.database, t.connectAgain(), t.connectAgain(), t.connectAgain()] : [t.database, t.database, t.database];
    const results = await Promise.all(migrators.map((d) => d.migrate()));
    const applied = results.flatMap((r) => r.applied);
    expect(applied).toEqual(readMigrationFiles().map((f) => f.tag));
    expect((await columns(t.db, schemaOf(t))).length).toBeGreaterThan(0);
  });
});

describe('PGlite persistence', () => {
  it('keeps data across reopening the directory, and reopening migrates nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bijia-pglite-'));
    try {
      const first = createDatabase({ driver: 'pglite', dataDir: path.join(dir, 'nested', 'db') });
      expect((await first.migrate()).applied.length).toBeGreaterThan(0);
      await first.db.execute(sql`insert into merchants (shop_id, shop_name) values ('42', '小店')`);
      await first.close();
      const second = createDatabase({ driver: 'pglite', dataDir: path.join(dir, 'nested', 'db') });
      expect((await second.migrate()).applied).toEqual([]);
      expect(rowsOf<{ shop_name: string }>(await second.db.execute(sql`select shop_name from merchants`))).toEqual([{ shop_name: '小店' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('getDb()', () => {
  it('opens one client per process, migrated on first use, shared by concurrent callers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bijia-getdb-'));
    const restore = setEnv({ DATABASE_URL: undefined, PGLITE_DIR: dir, NODE_ENV: 'test' });
    try {
      const [a, b] = await Promise.all([getDb(), getDb()]);
      expect(a).toBe(b);
      expect(await getDb()).toBe(a);
      const tables = rowsOf<{ n: number }>(await a.execute(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`));
      expect(tables[0]!.n).toBe(6);
    } finally {
      await closeDb();
      restore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
