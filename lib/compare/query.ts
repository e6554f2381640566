/**
 * The compare query as it arrives in a URL (route handler or page searchParams), validated with zod.
 * Rules: an empty value means "absent" (`page=` is page 1), a repeated parameter is an error (we never
 * guess which one was meant), numbers are plain decimal integers (no `1e9`, no `0x10`).
 */
import { z } from 'zod';
import { CATEGORIES, SORTS, type CompareQuery } from '../types';

export const PAGE_SIZE_MAX = 50;
export const PAGE_SIZE_DEFAULT = 20;
/** Results beyond this many items are not paged through (see docs/architecture.md). */
export const PAGE_MAX = 1000;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A plain decimal integer in [min, max]; "" means absent. */
const intParam = (min: number, max: number, allowed?: readonly number[]) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{1,9}$/, { error: `必须是 ${min}–${max} 之间的整数` })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(min, { error: `不能小于 ${min}` })
          .max(max, { error: `不能大于 ${max}` })
          .refine((n) => !allowed || allowed.includes(n), { error: '未知的取值' }),
      )
      .optional(),
  );

const categoryIds: readonly number[] = CATEGORIES.map((c) => c.id);

export const compareQuerySchema = z.object({
  q: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(100, { error: '关键词最多 100 个字符' }).optional(),
  ),
  category_id: intParam(1, 999_999, categoryIds),
  page: intParam(1, PAGE_MAX),
  page_size: intParam(1, PAGE_SIZE_MAX),
  sort: z.preprocess(emptyToUndefined, z.enum(SORTS, { error: `排序方式必须是 ${SORTS.join(' / ')} 之一` }).optional()),
});

export type QueryIssue = { field: string; message: string };
export type ParsedQuery<T> = { ok: true; value: T } | { ok: false; issues: QueryIssue[] };

/** Input from a URL: URLSearchParams, or Next's `searchParams` object (whose values may be arrays). */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Turns URL params into a plain record, reporting every repeated key as an issue. */
export function toSingleValues(raw: RawParams, known: readonly string[]): ParsedQuery<Record<string, string>> {
  const out: Record<string, string> = {};
  const issues: QueryIssue[] = [];
  const entries: [string, string | string[] | undefined][] =
    raw instanceof URLSearchParams ? [...new Set(raw.keys())].map((k) => [k, raw.getAll(k)]) : Object.entries(raw);
  for (const [key, value] of entries) {
    if (!known.includes(key) || value === undefined) continue; // unknown params are ignored, like any site
    const values = Array.isArray(value) ? value : [value];
    if (values.length > 1) issues.push({ field: key, message: '参数重复' });
    else out[key] = values[0]!;
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}

/** Validates any zod object schema against URL params, returning field-named issues instead of throwing. */
export function parseParams<S extends z.ZodObject>(schema: S, raw: RawParams): ParsedQuery<z.output<S>> {
  const single = toSingleValues(raw, Object.keys(schema.shape));
  if (!single.ok) return single;
  const result = schema.safeParse(single.value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
  };
}

export function parseCompareQuery(raw: RawParams): ParsedQuery<CompareQuery> {
  const parsed = parseParams(compareQuerySchema, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return {
    ok: true,
    value: {
      q: v.q ?? null,
      categoryId: v.category_id ?? null,
      page: v.page ?? 1,
      pageSize: v.page_size ?? PAGE_SIZE_DEFAULT,
      sort: v.sort ?? 'default',
    },
  };
}

/** The canonical URL search string for a query (defaults omitted), used by links, SWR keys and cache keys. */
export function compareSearchString(q: CompareQuery, overrides: Partial<CompareQuery> = {}): string {
  const m = { ...q, ...overrides };
  const p = new URLSearchParams();
  if (m.q) p.set('q', m.q);
  if (m.categoryId != null) p.set('category_id', String(m.categoryId));
  if (m.sort !== 'default') p.set('sort', m.sort);
  if (m.page !== 1) p.set('page', String(m.page));
  if (m.pageSize !== PAGE_SIZE_DEFAULT) p.set('page_size', String(m.pageSize));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** `/api/weidian/products`: the same parameters as compare, without sort. */
export const weidianProductsQuerySchema = compareQuerySchema.omit({ sort: true });
