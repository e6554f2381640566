/**
 * drizzle-kit: `npm run db:generate` writes SQL migrations for lib/db/schema.ts into drizzle/ (committed).
 * They are applied by `npm run db:migrate` (scripts/db-migrate.ts) or automatically on first use in dev and
 * tests (lib/db/migrate.ts) — not by `drizzle-kit migrate`, so our advisory lock always guards them.
 * The credentials only matter for drizzle-kit's own commands that connect (studio, check against a DB).
 */
import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL?.trim();

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
  ...(url ? { dbCredentials: { url } } : { driver: 'pglite', dbCredentials: { url: process.env.PGLITE_DIR?.trim() || './.data/pglite' } }),
});
