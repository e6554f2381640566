import { describe, expect, it } from 'vitest';
import { formatBeijingTime, formatRelativeZh, UNKNOWN_TIME_ZH } from '@/lib/format/relative-time';

const NOW_ISO = '2026-11-30T06:00:00.000Z';
const NOW = Date.parse(NOW_ISO);
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('formatRelativeZh', () => {
  const cases: [name: string, fromIso: string, expected: string][] = [
    ['the same instant', NOW_ISO, '刚刚'],
    ['1 second ago', ago(1 * SEC), '刚刚'],
    ['59.999 seconds ago', ago(MIN - 1), '刚刚'],
    ['exactly 1 minute ago', ago(MIN), '1 分钟前'],
    ['3 minutes ago', ago(3 * MIN), '3 分钟前'],
    ['3 min 59 s ago (floored)', ago(3 * MIN + 59 * SEC), '3 分钟前'],
    ['59 minutes ago', ago(59 * MIN + 59 * SEC), '59 分钟前'],
    ['exactly 1 hour ago', ago(HOUR), '1 小时前'],
    ['119 minutes ago (floored)', ago(119 * MIN), '1 小时前'],
    ['23 h 59 min ago', ago(DAY - MIN), '23 小时前'],
    ['exactly 1 day ago', ago(DAY), '1 天前'],
    ['47 hours ago', ago(47 * HOUR), '1 天前'],
    ['30 days ago', ago(30 * DAY), '30 天前'],
    ['400 days ago', ago(400 * DAY), '400 天前'],
    ['in the future (clock skew)', new Date(NOW + 5 * MIN).toISOString(), '刚刚'],
    ['an ISO instant with a +08:00 offset', '2026-11-30T13:55:00+08:00', '5 分钟前'],
    ['not a date', 'yesterday-ish', UNKNOWN_TIME_ZH],
    ['empty string', '', UNKNOWN_TIME_ZH],
  ];

  it.each(cases)('%s → %s', (_name, fromIso, expected) => {
    expect(formatRelativeZh(fromIso, NOW)).toBe(expected);
  });

  it('answers 时间未知 when now is not a number', () => {
    expect(formatRelativeZh(NOW_ISO, Number.NaN)).toBe(UNKNOWN_TIME_ZH);
  });
});

describe('formatBeijingTime', () => {
  it.each([
    ['2026-11-30T06:05:00.000Z', '2026-11-30 14:05'],
    ['2026-12-31T16:30:00Z', '2027-01-01 00:30'],
    ['2026-11-30T14:05:00+08:00', '2026-11-30 14:05'],
    ['garbage', UNKNOWN_TIME_ZH],
  ])('%s → %s', (iso, expected) => {
    expect(formatBeijingTime(iso)).toBe(expected);
  });
});
