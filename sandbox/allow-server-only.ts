import { register } from 'node:module';

/**
 * Lets the sandbox run as a plain Node process (scripts/*.ts via tsx). Sandbox modules start with
 * `import 'server-only'` so that Next refuses to bundle them into client code; outside Next (no
 * `react-server` condition) that package throws on import. This registers a resolve hook that maps it to an
 * empty module. Call it before dynamically importing any sandbox module; never import it from app code.
 */
const HOOK = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return nextResolve(specifier, context);
}`;

export function allowServerOnlyOutsideNext(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
