/**
 * `npm run bench` — the side-by-side benchmark of issue #7 (bench/RESULTS.md explains every figure).
 *
 * A production build (`next build`, once) served by `next start` on port 3257, the real Redis (database 9,
 * flushed before each server start, so the tests' database 0 is never touched), and the standalone sandbox
 * (`scripts/sandbox-server.ts`, port 4257) with set upstream delays, which the app is pointed at as if it
 * were real (README, "point the app at the standalone sandbox"). Every figure is a ratio against a baseline
 * measured in the same run, alternating target and baseline, so the load other work puts on the machine
 * falls on both.
 *
 * Flags: `--quick` (every figure at tiny sizes, a minute or two: checks the harness works; writes
 * bench/tmp/results.quick.json only and reuses an existing build), `--build` / `--skip-build` (force or skip
 * `next build`), `--only a,b,…` (only the groups that measure those figures: a/f/g, b/c, d, e, h; for
 * working on one figure — written to bench/tmp/results.quick.json, like a quick run).
 * Exit status 0 whether goals are met or not; 1 when the harness itself fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Redis from 'ioredis';
import { allowServerOnlyOutsideNext } from '../sandbox/allow-server-only';
import { startChild, waitForHttp, type Child } from './processes';

allowServerOnlyOutsideNext();

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv.find((a) => a.startsWith('--only'))?.split('=')[1] ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
/** Whether a group of figures runs (all of them unless --only names none of its figures). */
const wanted = (...ids: string[]) => !ONLY || ids.some((id) => ONLY.split(',').includes(id));
const BUILD = argv.includes('--build') || (!argv.includes('--skip-build') && !(QUICK && existsSync('.next/BUILD_ID')));

// In the ranges this machine leaves to the bench (3200–3299, 4200–4299); BENCH_PORT / BENCH_SANDBOX_PORT to move.
const APP_PORT = Number(process.env.BENCH_PORT ?? 3257);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4257);
const APP = `http://127.0.0.1:${APP_PORT}`;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const REDIS_URL = 'redis://127.0.0.1:6379/9';
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const DB_SCHEMA = `bijia_bench_${process.pid}`;
const DELAY = { weidian: 120, price: 200 };

const SIZES = QUICK
  ? { rounds: 1, seconds: 2, connections: 8, coldSamples: 1, stampede: 100, quotaSeconds: 6, matchN: 300, matchRepeats: 1, syncPages: 8 }
  : { rounds: 5, seconds: 8, connections: 8, coldSamples: 3, stampede: 500, quotaSeconds: 30, matchN: 5000, matchRepeats: 2, syncPages: 500 };

const log = (line: string) => console.log(`[bench] ${line}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── Processes ──────────────────────────────────────────────────────────────────────────────────────────

const { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } = await import('../sandbox/credentials');

function appEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    WEIDIAN_APP_KEY: SANDBOX_WEIDIAN_APP_KEY,
    WEIDIAN_APP_SECRET: SANDBOX_WEIDIAN_APP_SECRET,
    WEIDIAN_API_BASE: `${SANDBOX}/weidian`,
    WEIDIAN_AUTH_BASE: `${SANDBOX}/weidian`,
    PRICE_API_KEY: SANDBOX_PRICE_API_KEY,
    PRICE_API_BASE: `${SANDBOX}/price`,
    REDIS_URL,
    // PostgreSQL, as in production, in a schema of the bench's own (created and migrated below, dropped at
    // the end). Not PGlite: it runs in the server's own thread, and its writes of the price history after
    // every computation would be measured as the app's time (seconds per cold result set).
    DATABASE_URL: `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${DB_SCHEMA}`)}`,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
    APP_URL: APP,
    // Off Vercel every client shares one inbound counter; the bench is one client sending a lot.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
}

const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });

const { createDatabase } = await import('../lib/db/client');
type Database = ReturnType<typeof createDatabase>;
let db: Database | undefined;
function database(): Database {
  return (db ??= createDatabase({ driver: 'pg', url: DATABASE_URL, schema: DB_SCHEMA, max: 2 }));
}

let app: Child | undefined;
async function startApp(extra: Record<string, string> = {}): Promise<void> {
  await stopApp();
  await redis.flushdb(); // database 9 only: the bench's own
  await database().db.execute(sql`truncate price_snapshots, price_snapshot_heads cascade`);
  // BENCH_CPU_PROFILE=1: each server writes a V8 CPU profile to bench/tmp/profiles/ when stopped (open it in
  // Chrome DevTools), which is how the causes in bench/RESULTS.md were found.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/tmp/profiles'] : [];
  app = startChild('next-start', process.execPath, [...profile, 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(APP_PORT)], appEnv(extra));
  await waitForHttp(`${APP}/api/bench/static`, app);
}
async function stopApp(): Promise<void> {
  await app?.stop();
  app = undefined;
}

interface Counters {
  weidian: number;
  price: number;
}
async function counters(): Promise<Counters> {
  const r = (await (await fetch(`${SANDBOX}/__faults`)).json()) as { counters: { weidian: { calls: number }; price: { calls: number } } };
  return { weidian: r.counters.weidian.calls, price: r.counters.price.calls };
}
const minus = (a: Counters, b: Counters): Counters => ({ weidian: a.weidian - b.weidian, price: a.price - b.price });

async function get(pathAndQuery: string): Promise<{ status: number; ms: number; body: string; headers: Headers }> {
  const started = performance.now();
  // A connection of its own: a pooled one may belong to the server this one replaced on the same port.
  const r = await fetch(`${APP}${pathAndQuery}`, { headers: { connection: 'close' } });
  const body = await r.text();
  return { status: r.status, ms: performance.now() - started, body, headers: r.headers };
}

// ── Load ───────────────────────────────────────────────────────────────────────────────────────────────

interface Load {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, seconds: number, connections: number): Promise<Load> {
  const r = await autocannon({ url, connections, duration: seconds });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/** Target and baseline in alternation (ABBA…), `rounds` times each. */
async function sideBySide(target: string, baseline: string): Promise<{ target: Load[]; baseline: Load[] }> {
  const out = { target: [] as Load[], baseline: [] as Load[] };
  // A short run of each first: connections opened, code paths warm.
  await load(`${APP}${target}`, 1, SIZES.connections);
  await load(`${APP}${baseline}`, 1, SIZES.connections);
  for (let r = 0; r < SIZES.rounds; r++) {
    const order = r % 2 === 0 ? (['target', 'baseline'] as const) : (['baseline', 'target'] as const);
    for (const which of order) out[which].push(await load(`${APP}${which === 'target' ? target : baseline}`, SIZES.seconds, SIZES.connections));
  }
  return out;
}

// ── Figures ────────────────────────────────────────────────────────────────────────────────────────────

interface Figure {
  id: string;
  name: string;
  value: number;
  goal: string;
  met: boolean;
  /** The measurements behind the ratio. */
  detail: string;
}
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
/** A figure with no goal of its own, measured to read another one by (its baseline against a floor). */
const readingAid = (id: string, name: string, value: number, detail: string) => figures.push({ id, name: `${name} (no goal)`, value, goal: '—', met: true, detail });
const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

async function warmFigures(): Promise<{ productId: string }> {
  log('a, f, g: warm server');
  await startApp();
  const first = await get('/api/products/compare');
  if (first.status !== 200) throw new Error(`compare answered ${first.status}: ${first.body.slice(0, 200)}`);
  const productId = (JSON.parse(first.body) as { items: { product: { productId: string } }[] }).items[0]!.product.productId;
  for (let i = 0; i < 3; i++) {
    await get('/api/products/compare');
    await get('/');
    await get(`/products/${productId}`);
  }
  const state = (await get('/api/products/compare')).headers.get('x-cache');
  if (state !== 'hit') log(`warning: the warm compare answered x-cache: ${state}`);

  const a = await sideBySide('/api/products/compare', '/api/bench/static');
  const bodyBytes = async (path: string) => Buffer.byteLength((await get(path)).body);
  const aBytes = { target: await bodyBytes('/api/products/compare'), baseline: await bodyBytes('/api/bench/static') };
  const aT = { p50: mean(a.target.map((l) => l.p50)), p99: mean(a.target.map((l) => l.p99)), rps: mean(a.target.map((l) => l.rps)) };
  const aB = { p50: mean(a.baseline.map((l) => l.p50)), p99: mean(a.baseline.map((l) => l.p99)), rps: mean(a.baseline.map((l) => l.rps)) };
  const aErrors = [...a.target, ...a.baseline].reduce((s, l) => s + l.non2xx + l.errors, 0);
  raw.a = { target: a.target, baseline: a.baseline, connections: SIZES.connections, seconds: SIZES.seconds, bodyBytes: aBytes };
  const p50Ratio = aT.p50 / Math.max(aB.p50, 0.01);
  figures.push({
    id: 'a',
    name: 'warm /api/products/compare p50 vs static JSON route',
    value: p50Ratio,
    goal: '≤ 1.2',
    met: p50Ratio <= 1.2 && aErrors === 0,
    detail: `p50 ${fmt(aT.p50)} vs ${fmt(aB.p50)} ms; p99 ${fmt(aT.p99)} vs ${fmt(aB.p99)} ms (×${fmt(aT.p99 / Math.max(aB.p99, 0.01))}); ${fmt(aT.rps, 0)} vs ${fmt(aB.rps, 0)} req/s (×${fmt(aT.rps / aB.rps)}); bodies ${(aBytes.target / 1024).toFixed(1)} vs ${(aBytes.baseline / 1024).toFixed(1)} kB; ${SIZES.connections} connections${aErrors ? `; ${aErrors} errors` : ''}`,
  });

  // a2, for reading a: a route handler that only answers the same-size constant bytes, run for every request
  // (as every route of ours is) against the prerendered one: the floor of any dynamic route in this server.
  const a2 = await sideBySide('/api/bench/dynamic', '/api/bench/static');
  const a2T = mean(a2.target.map((l) => l.p50));
  const a2B = mean(a2.baseline.map((l) => l.p50));
  raw.a2 = { target: a2.target, baseline: a2.baseline };
  readingAid(
    'a2',
    'dynamic constant JSON route p50 vs static JSON route',
    a2T / Math.max(a2B, 0.01),
    `p50 ${fmt(a2T)} vs ${fmt(a2B)} ms; ${fmt(mean(a2.target.map((l) => l.rps)), 0)} vs ${fmt(mean(a2.baseline.map((l) => l.rps)), 0)} req/s; the compare route against this floor: p50 ×${fmt(aT.p50 / Math.max(a2T, 0.01))}`,
  );

  const f = await sideBySide('/', '/bench-static');
  const fT = mean(f.target.map((l) => l.rps));
  const fB = mean(f.baseline.map((l) => l.rps));
  const fErrors = [...f.target, ...f.baseline].reduce((s, l) => s + l.non2xx + l.errors, 0);
  raw.f = { target: f.target, baseline: f.baseline };
  figures.push({
    id: 'f',
    name: 'SSR / warm req/s vs static page',
    value: fT / fB,
    goal: '≥ 0.6',
    met: fT / fB >= 0.6 && fErrors === 0,
    detail: `${fmt(fT, 0)} vs ${fmt(fB, 0)} req/s; p50 ${fmt(mean(f.target.map((l) => l.p50)))} vs ${fmt(mean(f.baseline.map((l) => l.p50)))} ms${fErrors ? `; ${fErrors} errors` : ''}`,
  });

  // f2, for reading f: the same page against a dynamic render of the layout alone (what every page with a
  // per-request CSP nonce costs at least), so the figure separates our page's weight from Next's floor.
  const f2 = await sideBySide('/', '/bench-dynamic');
  const f2T = mean(f2.target.map((l) => l.rps));
  const f2B = mean(f2.baseline.map((l) => l.rps));
  raw.f2 = { target: f2.target, baseline: f2.baseline };
  readingAid('f2', 'SSR / warm req/s vs dynamic layout-only page', f2T / f2B, `${fmt(f2T, 0)} vs ${fmt(f2B, 0)} req/s; p50 ${fmt(mean(f2.target.map((l) => l.p50)))} vs ${fmt(mean(f2.baseline.map((l) => l.p50)))} ms`);

  const js = async (page: string) => {
    const html = (await get(page)).body;
    const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')))];
    let gz = 0;
    for (const src of srcs) gz += gzipSync(Buffer.from(await (await fetch(new URL(src, APP))).arrayBuffer()), { level: 9 }).length;
    return { scripts: srcs.length, gzipBytes: gz };
  };
  const minimal = await js('/bench-static');
  const home = await js('/');
  const product = await js(`/products/${productId}`);
  raw.g = { minimal, home, product };
  const worst = Math.max(home.gzipBytes, product.gzipBytes) / minimal.gzipBytes;
  const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
  figures.push({
    id: 'g',
    name: 'first-load JS of / and /products/[id] vs minimal page',
    value: worst,
    goal: '≤ 1.25',
    met: worst <= 1.25,
    detail: `/ ${kb(home.gzipBytes)} (×${fmt(home.gzipBytes / minimal.gzipBytes)}), /products/[id] ${kb(product.gzipBytes)} (×${fmt(product.gzipBytes / minimal.gzipBytes)}), minimal ${kb(minimal.gzipBytes)}; gzip -9 of the scripts each HTML references`,
  });
  await stopApp();
  return { productId };
}

/** The slowest upstream alone: each upstream's full fetch for the all-items result set, timed from here. */
async function upstreamChains(): Promise<{ weidianMs: number; priceMs: number }> {
  const { parseEnv } = await import('../lib/env');
  const { createProviders } = await import('../lib/upstream/providers');
  const providers = createProviders(parseEnv(appEnv()), (input, init) => fetch(input, init));
  let started = performance.now();
  await providers.weidian.listAllItems({ q: null, categoryId: null }, 1000);
  const weidianMs = performance.now() - started;
  started = performance.now();
  await providers.priceApi.searchAll({ category: null }, 5000);
  const priceMs = performance.now() - started;
  return { weidianMs, priceMs };
}

async function coldFigures(): Promise<void> {
  log('b, c: cold compares on fresh servers');
  const cold: number[] = [];
  const chains: { weidianMs: number; priceMs: number }[] = [];
  let perRequest: Counters | undefined;
  for (let s = 0; s < SIZES.coldSamples; s++) {
    await startApp();
    // Load the route's code and the matcher's model on another key first: the figure is a cold cache, not a
    // cold process.
    await get('/api/products/compare?category_id=8');
    await get('/api/products/compare?category_id=7');
    chains.push(await upstreamChains());
    const before = await counters();
    const r = await get('/api/products/compare');
    if (r.status !== 200 || r.headers.get('x-cache') !== 'miss') throw new Error(`cold compare: HTTP ${r.status}, x-cache ${r.headers.get('x-cache')}`);
    cold.push(r.ms);
    perRequest = minus(await counters(), before);
    chains.push(await upstreamChains());
  }
  const weidianMs = median(chains.map((c) => c.weidianMs));
  const priceMs = median(chains.map((c) => c.priceMs));
  const slowest = Math.max(weidianMs, priceMs);
  const coldMs = median(cold);
  raw.b = { coldMs: cold, chains, perRequest };
  figures.push({
    id: 'b',
    name: 'cold compare (all items) vs slowest upstream alone',
    value: coldMs / slowest,
    goal: '≤ 1.15',
    met: coldMs / slowest <= 1.15,
    detail: `${fmt(coldMs, 0)} ms vs ${fmt(slowest, 0)} ms (Weidian ${fmt(weidianMs, 0)} ms in ${perRequest!.weidian} calls, price API ${fmt(priceMs, 0)} ms in ${perRequest!.price} calls; both in series ${fmt(weidianMs + priceMs, 0)} ms); delays ${DELAY.weidian}/${DELAY.price} ms; median of ${SIZES.coldSamples}`,
  });

  await startApp();
  await get('/api/products/compare?category_id=8');
  const before = await counters();
  const states: Record<string, number> = {};
  const r = await autocannon({
    url: `${APP}/api/products/compare`,
    connections: SIZES.stampede,
    amount: SIZES.stampede,
    timeout: 60,
    requests: [
      {
        onResponse: (_status, body, _context, headers) => {
          const state = `${(headers as Record<string, string> | undefined)?.['x-cache'] ?? '?'}${body.includes('"degraded":["price-api"]') ? ' degraded' : ''}`;
          states[state] = (states[state] ?? 0) + 1;
        },
      },
    ],
  });
  await sleep(1000);
  const calls = minus(await counters(), before);
  const errors = r.non2xx + r.errors + r.timeouts;
  const off = (x: number) => Math.abs(x - 1);
  const ratios = [calls.weidian / perRequest!.weidian, calls.price / perRequest!.price];
  const ratio = off(ratios[0]!) >= off(ratios[1]!) ? ratios[0]! : ratios[1]!; // the one further from 1
  raw.c = { calls, perRequest, states, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, p50: r.latency.p50, max: r.latency.max };
  figures.push({
    id: 'c',
    name: `${SIZES.stampede} concurrent cold requests, one key: upstream calls vs one request's`,
    value: ratio,
    goal: '= 1',
    met: calls.weidian === perRequest!.weidian && calls.price === perRequest!.price && errors === 0,
    detail: `Weidian ${calls.weidian} calls (one request: ${perRequest!.weidian}), price API ${calls.price} (one request: ${perRequest!.price}); ${r.requests.total} answers (${Object.entries(states).map(([k, v]) => `${v} ${k}`).join(', ')}), ${errors} errors; slowest ${r.latency.max} ms`,
  });
  await stopApp();
}

async function quotaFigure(): Promise<void> {
  log('d: demand at 4× the outbound quota');
  const quota = { weidian: 10, price: 10 };
  await startApp({
    WEIDIAN_QUOTA_PER_SECOND: String(quota.weidian),
    WEIDIAN_QUOTA_BURST: String(quota.weidian),
    PRICE_API_QUOTA_PER_SECOND: String(quota.price),
    PRICE_API_QUOTA_BURST: String(quota.price),
    COMPARE_CACHE_TTL_SECONDS: '2',
  });
  // Hot keys: every category, each alone and with a few searches. Filled first (slowly: the quota is small),
  // then asked for at 4× the quota in requests per second; each uncached request needs ≥ 1 call per upstream.
  const keys: string[] = [];
  for (let c = 1; c <= 8; c++) for (const q of ['', '套装', '新款', '官方', '礼盒']) keys.push(`/api/products/compare?category_id=${c}${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  for (const key of keys) {
    for (let attempt = 0; ; attempt++) {
      const r = await get(key);
      if (r.status === 200) break;
      if (attempt > 50) throw new Error(`could not fill ${key}: HTTP ${r.status}`);
      await sleep(300);
    }
  }
  await sleep(2500); // every entry past its fresh time: the demand below keeps refreshing them
  const rate = 4 * Math.max(quota.weidian, quota.price);
  let next = 0;
  let degraded = 0;
  const before = await counters();
  const started = performance.now();
  const r = await autocannon({
    url: APP,
    connections: 20,
    overallRate: rate,
    duration: SIZES.quotaSeconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: keys[next++ % keys.length]! }),
        onResponse: (_status, body) => {
          if (body.includes('"degraded":["price-api"]')) degraded++;
        },
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const calls = minus(await counters(), before);
  const observed = { weidian: calls.weidian / seconds, price: calls.price / seconds };
  const ratio = Math.max(observed.weidian / quota.weidian, observed.price / quota.price);
  const errors = r.non2xx + r.errors + r.timeouts;
  raw.d = { quota, rate, seconds, calls, observed, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, degraded, keys: keys.length };
  figures.push({
    id: 'd',
    name: 'demand at 4× outbound quota: upstream rate vs quota',
    value: ratio,
    goal: '≤ 1.05, 0 errors',
    met: ratio <= 1.05 && errors === 0,
    detail: `${rate} req/s over ${keys.length} keys for ${fmt(seconds, 0)} s; Weidian ${fmt(observed.weidian, 1)}/s, price API ${fmt(observed.price, 1)}/s (quota ${quota.weidian}/s, burst ${quota.weidian}; ${quota.price}/s); ${r.requests.total} answers, ${errors} non-2xx or failed, ${degraded} degraded (Weidian prices only)`,
  });
  await stopApp();
}

async function matchFigure(): Promise<void> {
  log(`e: match + merge of ${SIZES.matchN} and ${2 * SIZES.matchN} items`);
  const { measureMatching } = await import('./match');
  const m = await measureMatching(SIZES.matchN, SIZES.matchRepeats);
  raw.e = m;
  figures.push({
    id: 'e',
    name: `match + merge, 2n vs n items (n = ${m.n}, 4 offers each)`,
    value: m.ratio,
    goal: '≤ 2.2',
    met: m.ratio <= 2.2,
    detail: `${fmt(m.msN, 0)} vs ${fmt(m.ms2N, 0)} ms; ${fmt(m.usPerItemN, 0)} / ${fmt(m.usPerItem2N, 0)} µs per item`,
  });
  figures.push({
    id: 'e2',
    name: 'matcher pairs/s on one core, raw records (analysis included)',
    value: m.pairsPerSecond,
    goal: '≥ 1000',
    met: m.pairsPerSecond >= 1000,
    detail: `${m.pairs} pairs of tests/fixtures/matching/zh-pairs.jsonl, both records analysed, then scored`,
  });
}

async function syncFigure(): Promise<void> {
  log('h: order sync of the bench merchant');
  const { measureSync } = await import('./sync');
  const s = await measureSync(SANDBOX, SIZES.syncPages);
  raw.h = s;
  figures.push({
    id: 'h',
    name: `order sync (${s.orders} orders) wall time vs sum of page latencies`,
    value: s.ratio,
    goal: '≤ 1.2',
    met: s.ratio <= 1.2,
    detail: `${fmt(s.wallMs, 0)} ms vs ${fmt(s.pageLatencySumMs, 0)} ms over ${s.requests} trade/list reads (${s.pages} pages stored); Weidian delay ${DELAY.weidian} ms`,
  });
}

// ── Run ────────────────────────────────────────────────────────────────────────────────────────────────

function machine() {
  const cpus = os.cpus();
  const nextVersion = (JSON.parse(readFileSync('node_modules/next/package.json', 'utf8')) as { version: string }).version;
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    next: nextVersion,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function table(): string {
  const verdict = (f: Figure) => (f.goal === '—' ? '' : f.met ? 'met' : 'MISSED');
  const rows = figures.map((f) => [f.id, f.name, f.id === 'e2' ? fmt(f.value, 0) : fmt(f.value), f.goal, verdict(f), f.detail]);
  const header = ['', 'figure', 'value', 'goal', '', 'measured'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const GENERATED_END = '<!-- end of generated results: everything below is kept by `npm run bench` -->';

function writeMarkdown(info: ReturnType<typeof machine>): void {
  const file = 'bench/RESULTS.md';
  const kept = existsSync(file) ? readFileSync(file, 'utf8').split(GENERATED_END)[1] ?? '' : '\n';
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${info.date}. Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB;`,
    `${info.platform}; Node ${info.node}, Next.js ${info.next}. Load average at the start ${info.loadAverageAtStart.join(' / ')}: the`,
    'machine is shared with other builds and browser tests, which is why every figure is a ratio against a baseline',
    'measured alternately in the same run. Upstream delays: Weidian ' + `${DELAY.weidian} ms, price API ${DELAY.price} ms (standalone sandbox).`,
    '',
    '| | figure | value | goal | | measured |',
    '| --- | --- | ---: | --- | --- | --- |',
    ...figures.map((f) => `| ${f.id} | ${f.name} | ${f.id === 'e2' ? fmt(f.value, 0) : fmt(f.value)} | ${f.goal} | ${f.goal === '—' ? '' : f.met ? 'met' : '**missed**'} | ${f.detail} |`),
    '',
    GENERATED_END,
  ].join('\n');
  writeFileSync(file, md + kept);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

let sandbox: Child | undefined;
let failed = false;
try {
  const info = machine();
  log(`${QUICK ? 'quick' : 'full'} run; ${info.cpu} × ${info.cores}, Node ${info.node}, Next ${info.next}`);
  if (BUILD) {
    log('next build …');
    const build = startChild('next-build', 'node_modules/.bin/next', ['build'], { NEXT_TELEMETRY_DISABLED: '1' });
    const code = await new Promise<number | null>((r) => build.process.once('exit', r));
    if (code !== 0) throw new Error('next build failed: see bench/tmp/next-build.log');
  } else {
    log('reusing the existing build in .next');
  }
  for (const port of [APP_PORT, SANDBOX_PORT]) if (!(await portIsFree(port))) throw new Error(`port ${port} is in use (set BENCH_PORT / BENCH_SANDBOX_PORT)`);
  await redis.connect();
  await database().db.execute(sql.raw(`create schema if not exists ${DB_SCHEMA}`));
  await database().migrate();
  sandbox = startChild('sandbox', 'node_modules/.bin/tsx', ['scripts/sandbox-server.ts'], {
    PORT: String(SANDBOX_PORT),
    SANDBOX_WEIDIAN_LATENCY_MS: String(DELAY.weidian),
    SANDBOX_PRICE_LATENCY_MS: String(DELAY.price),
    SANDBOX_BENCH_MERCHANT: '1',
  });
  await waitForHttp(`${SANDBOX}/__faults`, sandbox);

  if (wanted('a', 'a2', 'f', 'f2', 'g')) await warmFigures();
  if (wanted('b', 'c')) await coldFigures();
  if (wanted('d')) await quotaFigure();
  if (wanted('e', 'e2')) await matchFigure();
  if (wanted('h')) await syncFigure();

  figures.sort((x, y) => x.id.localeCompare(y.id));
  console.log(`\n${table()}\n`);
  const missed = figures.filter((f) => !f.met);
  console.log(missed.length ? `MISSED: ${missed.map((f) => f.id).join(', ')}` : 'All goals met.');
  const results = { quick: QUICK, machine: { ...info, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) }, delays: DELAY, sizes: SIZES, figures, raw };
  writeFileSync(QUICK || ONLY ? 'bench/tmp/results.quick.json' : 'bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  if (!QUICK && !ONLY) writeMarkdown(info);
  log(QUICK || ONLY ? 'wrote bench/tmp/results.quick.json' : 'wrote bench/results.json and bench/RESULTS.md');
} catch (error) {
  failed = true;
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await stopApp();
  await sandbox?.stop();
  redis.disconnect();
  if (db) {
    await db.db.execute(sql.raw(`drop schema if exists ${DB_SCHEMA} cascade`)).catch(() => undefined);
    await db.close();
  }
}
process.exit(failed ? 1 : 0);
