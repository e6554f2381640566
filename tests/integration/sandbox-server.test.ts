import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getSandboxCatalogue } from '@/sandbox/catalogue';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { startSandboxServer, type RunningSandboxServer } from '@/sandbox/server';

/** The test's own request signer (docs/signing.md). */
function signedQuery(params: Record<string, string>, secret: string): string {
  const encode = (s: string): string =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const pairs = Object.entries(params)
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  const sign = createHmac('sha256', secret).update(pairs.join('&')).digest('hex');
  return `${pairs.join('&')}&sign=${sign}`;
}

const NOW = Date.parse('2026-11-30T06:00:00Z');
const { items } = getSandboxCatalogue();
let server: RunningSandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ now: () => NOW });
});
afterAll(async () => {
  await server?.close();
});

describe('standalone sandbox server over real HTTP', () => {
  it('listens on a random free port on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('answers a signed item.list and item.get', async () => {
    const base = { app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(NOW) };
    const list = await fetch(`${server.url}/weidian/router?${signedQuery({ ...base, method: 'item.list', q: '牛奶 250ml', page_size: '5' }, SANDBOX_WEIDIAN_APP_SECRET)}`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('application/json');
    const listed = (await list.json()) as { status: { status_code: number }; result: { items: { num_iid: string; title: string }[]; total: number } };
    expect(listed.status.status_code).toBe(0);
    expect(listed.result.total).toBeGreaterThan(0);
    expect(listed.result.items.every((item) => item.title.includes('牛奶') && item.title.toLowerCase().includes('250ml'))).toBe(true);

    const id = items[7]!.num_iid;
    const got = await fetch(`${server.url}/weidian/router?${signedQuery({ ...base, method: 'item.get', item_id: id }, SANDBOX_WEIDIAN_APP_SECRET)}`);
    expect(((await got.json()) as { result: { item: { num_iid: string } } }).result.item.num_iid).toBe(id);

    const forged = await fetch(`${server.url}/weidian/router?${signedQuery({ ...base, method: 'item.list' }, 'wrong-secret')}`);
    expect(((await forged.json()) as { status: { status_code: number } }).status.status_code).toBe(10004);
  });

  it('answers the price API with bearer auth', async () => {
    const auth = { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}` };
    const searched = await fetch(`${server.url}/price/v1/offers/search?keyword=${encodeURIComponent('iPhone')}&limit=3`, { headers: auth });
    expect(searched.status).toBe(200);
    const body = (await searched.json()) as { offers: { title: string }[]; next_cursor: string | null };
    expect(body.offers).toHaveLength(3);
    expect(body.next_cursor).not.toBeNull();

    const batched = await fetch(`${server.url}/price/v1/offers/batch`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ queries: [{ ref: items[0]!.num_iid, keyword: items[0]!.title }], per_query_limit: 3 }),
    });
    expect(batched.status).toBe(200);
    expect(((await batched.json()) as { results: { ref: string }[] }).results[0]!.ref).toBe(items[0]!.num_iid);

    expect((await fetch(`${server.url}/price/v1/offers/search`)).status).toBe(401);
  });

  it('404s unknown paths with JSON', async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('close() stops it even with keep-alive connections open', async () => {
    const other = await startSandboxServer();
    await fetch(`${other.url}/nope`, { keepalive: true });
    await other.close();
    await expect(fetch(`${other.url}/nope`)).rejects.toThrow();
  });
});

describe('npm run sandbox (scripts/sandbox-server.ts)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
  });

  it('starts from the CLI, prints its URL and credentials, and serves signed requests', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox-server.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${output}`)), 15_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match && output.includes('PRICE_API_KEY=')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    expect(output).toContain(`WEIDIAN_APP_SECRET=${SANDBOX_WEIDIAN_APP_SECRET}`);
    expect(output).toContain(`PRICE_API_KEY=${SANDBOX_PRICE_API_KEY}`);

    const query = signedQuery({ method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(Date.now()) }, SANDBOX_WEIDIAN_APP_SECRET);
    const response = await fetch(`${url}/weidian/router?${query}`);
    expect(((await response.json()) as { status: { status_code: number } }).status.status_code).toBe(0);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
