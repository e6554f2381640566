/**
 * The secrets the e2e server runs with, which no browser may ever receive. Read from the source rather than
 * imported: sandbox/credentials.ts is `server-only`, which throws outside Next. Not a spec.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const constant = (file: string, name: string) => {
  const value = new RegExp(`${name}\\s*=\\s*'([^']+)'`).exec(readFileSync(path.join(process.cwd(), file), 'utf8'))?.[1];
  if (!value || value.length < 12) throw new Error(`cannot read ${name} from ${file}`);
  return value;
};

export const SECRETS = [
  constant('sandbox/credentials.ts', 'SANDBOX_WEIDIAN_APP_SECRET'),
  constant('sandbox/credentials.ts', 'SANDBOX_PRICE_API_KEY'),
  // The session password the e2e server runs with (no SESSION_SECRET set).
  constant('lib/env.ts', 'DEVELOPMENT_SESSION_SECRET'),
];
