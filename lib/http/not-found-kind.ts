/**
 * Set by the proxy's not-found rewrite (lib/http/page-gate.ts) and read by app/not-found.tsx, which shows the
 * product's not-found text when it is `product`. Only ever chooses between two texts, so a client sending it
 * itself gains nothing.
 */
export const NOT_FOUND_KIND_HEADER = 'x-bijia-not-found';
