/**
 * `instanceof` that holds across copies of a class. Next bundles the proxy (proxy.ts) apart from the pages and
 * route handlers, each with its own copy of every module, while the upstream clients, cache, locker and buckets
 * are process singletons on globalThis: whichever bundle built one, the errors it throws must still be
 * recognised by the other bundle's `instanceof`. A class marks its instances with a registered symbol
 * (`Symbol.for`, the same in every copy) and answers `instanceof` by that mark.
 */
export function errorBrand(name: string) {
  const brand = Symbol.for(`bijia.${name}`);
  return {
    mark(instance: object): void {
      Object.defineProperty(instance, brand, { value: true });
    },
    test(value: unknown): boolean {
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
    },
  };
}
