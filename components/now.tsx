'use client';

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { formatBeijingTime, formatRelativeZh } from '@/lib/format/relative-time';

/**
 * "Now" for relative times, hydration-safe: the server renders with its own clock (`serverNowMs`), the
 * client hydrates with that very value (useSyncExternalStore's server snapshot), then switches to the
 * browser clock and re-renders once a minute (and when the tab becomes visible again).
 */

const ServerNowContext = createContext<number | null>(null);

export function NowProvider({ serverNowMs, children }: { serverNowMs: number; children: ReactNode }) {
  return <ServerNowContext.Provider value={serverNowMs}>{children}</ServerNowContext.Provider>;
}

const TICK_MS = 60_000;
let clockMs = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function tick() {
  clockMs = Date.now();
  for (const l of listeners) l();
}

function onVisibility() {
  if (document.visibilityState === 'visible') tick();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisibility);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };
}

function getSnapshot() {
  // Stable between ticks (useSyncExternalStore requires it); initialised on first read.
  if (clockMs === 0) clockMs = Date.now();
  return clockMs;
}

/** The current time in ms: the server's during SSR and hydration, the browser's afterwards. */
export function useNowMs(): number {
  const serverNowMs = useContext(ServerNowContext);
  return useSyncExternalStore(subscribe, getSnapshot, () => serverNowMs ?? Number.NaN);
}

/** "3 分钟前更新", as a <time> with the absolute Beijing time in its tooltip. */
export function Freshness({
  iso,
  suffix = '更新',
  prefix = '',
  testId = 'freshness',
  className,
}: {
  iso: string;
  suffix?: string;
  prefix?: string;
  testId?: string;
  className?: string;
}) {
  const now = useNowMs();
  const valid = Number.isFinite(Date.parse(iso));
  const text = !valid
    ? `${prefix}更新时间未知`
    : Number.isFinite(now)
      ? `${prefix}${formatRelativeZh(iso, now)}${suffix}`
      : `${prefix}${formatBeijingTime(iso)} ${suffix}`; // no NowProvider above: absolute time until hydrated
  return (
    <time
      data-testid={testId}
      dateTime={valid ? iso : undefined}
      title={valid ? `${formatBeijingTime(iso)}（北京时间）` : undefined}
      className={className}
    >
      {text}
    </time>
  );
}
