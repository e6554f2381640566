/** Liveness: answers once the server is up and its configuration is valid. (Upstream checks come with #4.) */
import { loadEnv } from '@/lib/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET() {
  const env = loadEnv();
  return Response.json({ status: 'ok', mode: env.sandbox ? 'sandbox' : 'live' }, { headers: { 'cache-control': 'no-store' } });
}
