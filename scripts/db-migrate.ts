/**
 * `npm run db:migrate` — applies pending migrations (drizzle/) to the configured database: DATABASE_URL when
 * set, else the embedded PGlite under PGLITE_DIR (default .data/pglite). Safe to run while the app runs or
 * from several deploy steps at once (advisory lock); a no-op when up to date. Exit code 1 on failure.
 */
import { allowServerOnlyOutsideNext } from '../sandbox/allow-server-only';

allowServerOnlyOutsideNext();

const { createDatabase, dbConfigFromEnv } = await import('../lib/db/client');
const { loadEnv } = await import('../lib/env');

const config = dbConfigFromEnv(loadEnv());
const target = config.driver === 'pg' ? new URL(config.url).host + new URL(config.url).pathname : config.dataDir;
const database = createDatabase(config);
try {
  const { applied } = await database.migrate();
  console.log(
    applied.length ? `Applied ${applied.length} migration(s) to ${config.driver} ${target}: ${applied.join(', ')}` : `${config.driver} ${target} is up to date`,
  );
} catch (error) {
  console.error(`Migration failed (${config.driver} ${target}): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
