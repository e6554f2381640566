/**
 * `npm run seed:history [-- --days 180]` — backfills price history for the demo: the sandbox's drifting
 * prices, one observation a day for the last 180 days up to now, recorded through lib/history's recordPrices
 * (so the usual de-duplication applies: a row on a change, plus a daily heartbeat). Idempotent: a second run
 * records nothing; a run on a later day adds the days since.
 *
 * Writes to the configured database: DATABASE_URL, else the embedded PGlite under PGLITE_DIR (default
 * .data/pglite) — the app's. Reads .env.local like the app does (variables already set win). Migrates first.
 * PGlite is single-process: stop `npm run dev` before seeding its directory. Refuses to run when real
 * upstream credentials are configured: sandbox prices must never pass for real ones.
 */
import { existsSync } from 'node:fs';
import { allowServerOnlyOutsideNext } from '../sandbox/allow-server-only';

allowServerOnlyOutsideNext();
if (existsSync('.env.local')) process.loadEnvFile('.env.local');

const { createDatabase, dbConfigFromEnv } = await import('../lib/db/client');
const { loadEnv } = await import('../lib/env');
const { seedSandboxHistory } = await import('../lib/history/seed');

function daysArgument(argv: string[]): number {
  const at = argv.indexOf('--days');
  if (at === -1) return 180;
  const days = Number(argv[at + 1]);
  if (!Number.isInteger(days) || days < 0 || days > 400) throw new Error('--days: a whole number of days from 0 to 400');
  return days;
}

const env = loadEnv();
const config = dbConfigFromEnv(env);
const target = config.driver === 'pg' ? new URL(config.url).host + new URL(config.url).pathname : config.dataDir;
if (!env.sandbox) {
  console.error('seed:history writes sandbox prices; real upstream credentials are configured, so it will not run.');
  process.exit(1);
}
const database = createDatabase(config);
try {
  const days = daysArgument(process.argv.slice(2));
  const { applied } = await database.migrate();
  if (applied.length) console.log(`Applied migration(s): ${applied.join(', ')}`);
  const started = Date.now();
  const result = await seedSandboxHistory(database.db, {
    now: started,
    days,
    onDay: (done, of) => {
      if (done % 30 === 0 || done === of) console.log(`  ${done}/${of} days`);
    },
  });
  console.log(
    `Seeded ${config.driver} ${target}: ${result.recorded} snapshot row(s) over ${result.instants} day(s); ` +
      `${result.unchanged} observation(s) unchanged (already recorded, or same price within a day); ` +
      `${result.pruned} old row(s) pruned. ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(`seed:history failed (${config.driver} ${target}): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
