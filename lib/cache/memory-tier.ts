/**
 * The cache's memory tier (L1), keeping values as objects rather than JSON, so that a hit is a lookup and
 * not a parse of a result set of up to 1,000 cards on every request.
 *
 * bentocache's memory driver has this mode (`serialize: false`), but when it fills the tier from Redis (a
 * value another instance wrote) it stores the entry still serialised, as a string, and then fails to read
 * it back ("Cannot read properties of undefined (reading 'deserialize')"). This driver parses such an entry
 * once, as it is stored. The tier is bounded by entries: the size of an object cannot be measured.
 */
import 'server-only';
import { MemoryDriver, type memoryDriver } from 'bentocache/drivers/memory';
import { LRUCache } from 'lru-cache';

type MemoryDriverConfig = ConstructorParameters<typeof MemoryDriver>[0];

class ObjectMemoryDriver extends MemoryDriver {
  override set(key: string, value: string, ttl?: number): boolean {
    return super.set(key, typeof value === 'string' ? (JSON.parse(value) as string) : value, ttl);
  }

  override namespace(namespace: string): MemoryDriver {
    return new ObjectMemoryDriver({ ...this.config, prefix: this.createNamespacePrefix(namespace) });
  }
}

export function objectMemoryDriver(maxItems: number): ReturnType<typeof memoryDriver> {
  const cacheInstance = new LRUCache<string, string>({ max: maxItems, ttlAutopurge: false });
  const options = { maxItems, serialize: false, cacheInstance } as MemoryDriverConfig & { cacheInstance: typeof cacheInstance };
  return { options, factory: (config: MemoryDriverConfig) => new ObjectMemoryDriver({ ...config, cacheInstance }) } as ReturnType<typeof memoryDriver>;
}
