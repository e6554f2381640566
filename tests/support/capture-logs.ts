/**
 * Captures what the app logs (lib/log.ts) during a test: swaps the process's logger for one writing into
 * memory, and gives the parsed lines back. `restore()` puts the real one back.
 */
import { Writable } from 'node:stream';
import { createLogger, getLogger } from '@/lib/log';

type Line = Record<string, unknown> & { level: string; msg?: string };

export function captureLogs() {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  const g = globalThis as { __bijiaLogger?: ReturnType<typeof getLogger> };
  const real = getLogger();
  g.__bijiaLogger = createLogger(stream, 'debug');
  return {
    lines,
    /** The messages at `level` (e.g. 'warn'), in order. */
    messages: (level: string) => lines.filter((l) => l.level === level).map((l) => String(l.msg ?? '')),
    restore: () => {
      g.__bijiaLogger = real;
    },
  };
}
