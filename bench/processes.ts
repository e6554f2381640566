/**
 * The benchmark's child processes (the standalone sandbox, `next start`): started in a process group of
 * their own so that stopping one stops its children too, and only those (by pid, never by name).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export interface Child {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const LOG_DIR = path.resolve('bench/tmp');

/**
 * Starts `command args` with `env` added to this process's environment; output goes to bench/tmp/<name>.log
 * (appended to rather than replaced with BENCH_APPEND_LOGS=1, to keep the log of every fresh server).
 */
export function startChild(name: string, command: string, args: string[], env: Record<string, string>): Child {
  mkdirSync(LOG_DIR, { recursive: true });
  // The child writes to the file itself: relayed through pipes, every log line would cost this process
  // (which also runs the load generator) CPU during the measurements.
  const log = openSync(path.join(LOG_DIR, `${name}.log`), process.env.BENCH_APPEND_LOGS ? 'a' : 'w');
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = false;
  const done = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  return {
    name,
    process: child,
    async stop() {
      if (exited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 2xx, or fails after `timeoutMs` (or when the child exits). */
export async function waitForHttp(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited (code ${child.process.exitCode}); see bench/tmp/${child.name}.log`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
