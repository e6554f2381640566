import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, currentRequestId, defaultDestination, withRequestId } from '@/lib/log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger(stream, 'info') };
}

describe('logs', () => {
  it('writes one JSON object per line with an ISO time and a level name', () => {
    const { lines, logger } = capture();
    logger.info({ event: 'cache_miss', key: 'compare:s4:abc' }, 'computed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'cache_miss', key: 'compare:s4:abc', msg: 'computed' });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it('adds the request id to every line written inside the request, however deep and however late', async () => {
    const { lines, logger } = capture();
    await withRequestId('req-1', async () => {
      logger.info('start');
      await new Promise((r) => setTimeout(r, 5));
      logger.child({ module: 'cache' }).warn('deep');
      expect(currentRequestId()).toBe('req-1');
    });
    logger.info('outside');
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ['start', 'req-1'],
      ['deep', 'req-1'],
      ['outside', undefined],
    ]);
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const { lines, logger } = capture();
    await Promise.all(
      ['a', 'b', 'c'].map((id, i) =>
        withRequestId(id, async () => {
          await new Promise((r) => setTimeout(r, 10 - i * 3));
          logger.info(id);
        }),
      ),
    );
    for (const l of lines) expect(l.requestId).toBe(l.msg);
  });

  it('redacts buyers’ data and credentials by key, at any depth it is likely to appear', () => {
    const { lines, logger } = capture();
    logger.info({ buyerPhone: '13812345678', order: { receiverAddress: '上海市…', buyer: { receiverName: '张三' } }, accessToken: 'wdat_x', shopId: 's1' });
    const text = JSON.stringify(lines[0]);
    for (const secret of ['13812345678', '上海市', '张三', 'wdat_x']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ shopId: 's1', buyerPhone: '[redacted]' });
  });

  it('redacts inside arrays too, and never changes the object it was given', () => {
    const { lines, logger } = capture();
    const logged = { orders: [{ orderId: 'o1', receiverPhone: '13912345678' }], nested: { token: 'wdat_y' }, count: 2 };
    const copy = structuredClone(logged);
    logger.info(logged);
    expect(JSON.stringify(lines[0])).not.toContain('13912345678');
    expect(JSON.stringify(lines[0])).not.toContain('wdat_y');
    expect(lines[0]).toMatchObject({ orders: [{ orderId: 'o1', receiverPhone: '[redacted]' }], nested: { token: '[redacted]' }, count: 2 });
    expect(logged).toEqual(copy);
  });
});

describe('the process destination', () => {
  it('writes asynchronously off Vercel, and line by line on Vercel (a frozen function keeps no buffer)', () => {
    expect(defaultDestination({ VERCEL: '1' })).toBeUndefined();
    const off = defaultDestination({}) as unknown as { sync: boolean; fd: number };
    expect(off).toMatchObject({ sync: false, fd: 1 });
  });

  it('loses no line when the process exits right after logging', async () => {
    // A child process logs 2,000 lines through the default destination and exits at once.
    const script = `
      import { createLogger } from './lib/log.ts';
      const log = createLogger(undefined, 'info');
      for (let i = 0; i < 2000; i++) log.info({ event: 'line', i }, 'x'.repeat(100));
      process.exit(0);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 });
    const lines = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { i: number });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  }, 20_000);
});
