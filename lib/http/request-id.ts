/**
 * The request id every log line of a request carries (lib/log.ts). The proxy picks it once per request and
 * passes it on as the `x-request-id` request header (route handlers and pages read it there) and answers
 * with it as a response header, so a user's report ("x-request-id: …") finds the lines.
 *
 * An id sent by the client or a load balancer is kept when it looks like one (so one id follows a request
 * through several systems); Vercel's own `x-vercel-id` comes next; otherwise a random UUID.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids we accept from outside: short, printable, no spaces or separators a log parser could trip on. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  for (const name of [REQUEST_ID_HEADER, 'x-vercel-id']) {
    const value = headers.get(name);
    if (value && SAFE_ID.test(value)) return value;
  }
  return crypto.randomUUID();
}
