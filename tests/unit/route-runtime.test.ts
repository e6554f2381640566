/**
 * Vercel readiness: every route handler runs on the Node.js runtime (ioredis and pg cannot run on Edge),
 * and nothing in app/ opts into the Edge runtime.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const app = path.join(process.cwd(), 'app');
const sources = files(app).map((file) => ({ file: path.relative(process.cwd(), file), text: readFileSync(file, 'utf8') }));

describe('runtimes', () => {
  it('finds the route handlers', () => {
    expect(sources.filter((s) => s.file.endsWith('route.ts')).length).toBeGreaterThanOrEqual(9);
  });

  it.each(sources.filter((s) => s.file.endsWith('route.ts')).map((s) => [s.file, s.text]))('%s declares the Node.js runtime', (_, text) => {
    expect(text).toMatch(/^export const runtime = 'nodejs';$/m);
  });

  it('no page, layout or route asks for the Edge runtime', () => {
    expect(sources.filter((s) => /runtime\s*=\s*['"]edge['"]/.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
