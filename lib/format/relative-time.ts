/**
 * "How long ago" in zh-CN, for price freshness: 刚刚 / N 分钟前 / N 小时前 / N 天前.
 *
 * Pure: the caller passes `nowMs`, so server and client render the same text for the same instant (no
 * hydration mismatch) and tests need no fake timers. Units are floored ("59 秒" is still 刚刚, "119 分钟" is
 * 1 小时前). An instant in the future (clock skew between us and an upstream) reads as 刚刚, never as a
 * negative age.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Shown when the instant cannot be read. */
export const UNKNOWN_TIME_ZH = '时间未知';

export function formatRelativeZh(fromIso: string, nowMs: number): string {
  const from = typeof fromIso === 'string' ? Date.parse(fromIso) : Number.NaN;
  if (!Number.isFinite(from) || !Number.isFinite(nowMs)) return UNKNOWN_TIME_ZH;
  const elapsed = nowMs - from;
  if (elapsed < MINUTE_MS) return '刚刚';
  if (elapsed < HOUR_MS) return `${Math.floor(elapsed / MINUTE_MS)} 分钟前`;
  if (elapsed < DAY_MS) return `${Math.floor(elapsed / HOUR_MS)} 小时前`;
  return `${Math.floor(elapsed / DAY_MS)} 天前`;
}

/**
 * The absolute instant in Beijing time, "2026-11-30 14:05", for tooltips. Computed by hand (UTC + 8 h, China
 * has no DST) rather than with Intl/toLocaleString, whose output differs between Node's and browsers' ICU
 * data and between time zones — which would make server and client HTML disagree.
 */
export function formatBeijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return UNKNOWN_TIME_ZH;
  const d = new Date(ms + 8 * HOUR_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The stale-answer notice, "以下是 5 分钟前的比价结果，最新价格正在更新。", in three parts so the age can be a
 * <time> element (components/stale-notice.tsx). A space before a number only (CJK text otherwise runs on);
 * under a minute reads 刚刚获取, and an unreadable instant or clock 此前.
 */
export function staleNoticeZh(generatedAtIso: string, nowMs: number): { lead: string; when: string; tail: string } {
  const age = formatRelativeZh(generatedAtIso, nowMs);
  const when = age === UNKNOWN_TIME_ZH ? '此前' : age === '刚刚' ? '刚刚获取' : age;
  return { lead: /^\d/.test(when) ? '以下是 ' : '以下是', when, tail: '的比价结果，最新价格正在更新。' };
}
