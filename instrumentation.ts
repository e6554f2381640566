/**
 * Next's instrumentation hook: runs once when a server instance starts. The Node-only start-up checks live
 * in lib/startup.ts, imported only on the Node runtime (the Edge bundle never sees process.exit).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationAtStartup } = await import('./lib/startup');
    checkConfigurationAtStartup();
  }
}
