/**
 * The benchmark's baseline for `/api/products/compare` (bench/run.ts, figure a): a constant JSON answer from
 * a route handler of the same server, so the ratio measures what our route adds over Next itself.
 * Prerendered at build time (`force-static`): Next answers it from its cache without running a handler.
 */
import { baselineBody } from '../baseline-body';

export const runtime = 'nodejs';
export const dynamic = 'force-static';

export function GET() {
  return Response.json(baselineBody());
}
