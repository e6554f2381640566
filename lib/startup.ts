/**
 * Start-up checks on the Node runtime. A bad or half-set environment stops the server with one message
 * naming each bad variable, instead of failing on the first request (or worse, half-working).
 */
import { ConfigError, loadEnv } from './env';
import { moduleLogger } from './log';

export function checkConfigurationAtStartup(): void {
  try {
    loadEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    moduleLogger('bijia').fatal({ event: 'bad_configuration' }, error.message);
    // `next build` also loads this hook; a build may run without the runtime secrets, so only a server exits.
    if (process.env.NEXT_PHASE === 'phase-production-build') return;
    process.exit(1);
  }
}
