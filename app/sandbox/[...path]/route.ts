/**
 * The embedded sandbox, mounted at /sandbox/weidian/router and /sandbox/price/v1/… in sandbox mode only.
 * With real credentials configured these routes do not exist (404), so the emulator can never stand in for
 * a real upstream by accident.
 */
import { loadEnv } from '@/lib/env';
import { getEmbeddedSandbox } from '@/lib/upstream/providers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request) {
  if (!loadEnv().sandbox) return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
  return getEmbeddedSandbox()(request);
}

export { handle as GET, handle as POST };
