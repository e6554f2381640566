/**
 * Runs once when a server instance starts (Next's instrumentation hook). Validates the configuration so a
 * bad or half-set environment stops start-up with one message naming each bad variable, instead of failing
 * on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadEnv, ConfigError } = await import('./lib/env');
  try {
    loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[bijia] ${error.message}`);
      // A half-configured server must not serve: it would mix sandbox and real data or leak nothing useful.
      if (process.env.NEXT_PHASE !== 'phase-production-build') process.exit(1);
    }
    throw error;
  }
}
