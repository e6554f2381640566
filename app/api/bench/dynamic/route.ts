/**
 * The benchmark's floor for a route handler (bench/run.ts, figure a2): the body of /api/bench/static, but
 * produced by running the handler for every request, as every route of ours is. Against the static route it
 * shows what Next's handling of a dynamic route costs by itself; against it, the compare route shows what is
 * ours.
 */
import { baselineBody } from '../baseline-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Serialised once: the floor is Next's per-request work, not JSON.stringify (the compare route keeps bytes too). */
const BODY = new TextEncoder().encode(JSON.stringify(baselineBody()));

export function GET() {
  return new Response(BODY, { headers: { 'content-type': 'application/json' } });
}
