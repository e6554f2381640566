'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Freshness } from '@/components/now';
import type { SyncStatus } from '@/lib/orders/sync-status';


type Notice =
  | { kind: 'done'; orders: number }
  | { kind: 'failed' }
  | { kind: 'busy' }
  | { kind: 'login'; reauthorize: boolean }
  | { kind: 'error'; text: string }
  | null;

const POLL_MS = 1000;
/** A run that has not shown up as running after this many polls is taken as finished (or never started). */
const POLLS_BEFORE_GIVING_UP_ON_START = 5;
const MAX_POLL_FAILURES = 10;

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until hydration, true after: a button whose handler is not attached yet
 * is shown disabled rather than swallowing the tap.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

/** The last run failed: its error is newer than its last success. */
function lastRunFailed(s: SyncStatus): boolean {
  if (!s.lastError || !s.lastErrorAt) return false;
  const err = ms(s.lastErrorAt);
  const ok = ms(s.lastSuccessAt);
  return !Number.isFinite(ok) || err > ok;
}

function isSyncStatus(v: unknown): v is SyncStatus {
  return typeof v === 'object' && v !== null && typeof (v as SyncStatus).running === 'boolean';
}

async function errorCode(res: Response): Promise<string | null> {
  try {
    const body: unknown = await res.json();
    const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/**
 * 立即同步 and its progress. POST starts a run; while it runs we poll GET every second (已同步 N 页 / M 单),
 * then say 同步完成 and refresh the server-rendered list. A run already going when the page opens (a
 * scheduled sync, another tab) is followed the same way.
 */
export function SyncPanel({ initial, returnTo }: { initial: SyncStatus; returnTo: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<SyncStatus>(initial);
  const [polling, setPolling] = useState(initial.running);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  /** What the last success/error were when we started following a run: a change means it has ended. */
  const baseline = useRef({ success: initial.lastSuccessAt, error: initial.lastErrorAt, sawRunning: initial.running });

  useEffect(() => {
    if (!polling) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    let failures = 0;

    const poll = async () => {
      polls++;
      try {
        const res = await fetch('/api/orders/sync', { cache: 'no-store', headers: { accept: 'application/json' } });
        if (cancelled) return;
        if (res.status === 401) {
          setPolling(false);
          setNotice({ kind: 'login', reauthorize: (await errorCode(res)) === 'session_expired' });
          return;
        }
        const body: unknown = res.ok ? await res.json() : null;
        if (cancelled) return;
        if (!isSyncStatus(body)) throw new Error(`sync status ${res.status}`);
        failures = 0;
        setStatus(body);
        const b = baseline.current;
        if (body.running) {
          b.sawRunning = true;
        } else {
          const ended = b.sawRunning || body.lastSuccessAt !== b.success || body.lastErrorAt !== b.error || polls >= POLLS_BEFORE_GIVING_UP_ON_START;
          if (ended) {
            setPolling(false);
            const failed = body.lastErrorAt !== b.error && lastRunFailed(body);
            setNotice(failed ? { kind: 'failed' } : { kind: 'done', orders: body.ordersDone });
            router.refresh();
            return;
          }
        }
      } catch {
        if (cancelled) return;
        if (++failures >= MAX_POLL_FAILURES) {
          setPolling(false);
          setNotice({ kind: 'error', text: '暂时无法获取同步进度，请稍后刷新页面查看。' });
          return;
        }
      }
      timer = setTimeout(poll, POLL_MS);
    };

    timer = setTimeout(poll, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [polling, router]);

  const follow = () => {
    baseline.current = { success: status.lastSuccessAt, error: status.lastErrorAt, sawRunning: false };
    setStatus((s) => ({ ...s, running: true, pagesDone: 0, ordersDone: 0 }));
    setPolling(true);
  };

  const start = async () => {
    if (starting || polling) return;
    setStarting(true);
    setNotice(null);
    try {
      const res = await fetch('/api/orders/sync', { method: 'POST', cache: 'no-store', headers: { accept: 'application/json' } });
      if (res.status === 202) {
        follow();
      } else if (res.status === 409) {
        setNotice({ kind: 'busy' });
        follow();
      } else if (res.status === 401) {
        setNotice({ kind: 'login', reauthorize: (await errorCode(res)) === 'session_expired' });
      } else {
        setNotice({ kind: 'error', text: '同步没有开始，请稍后重试。' });
      }
    } catch {
      setNotice({ kind: 'error', text: '网络连接异常，请检查网络后重试。' });
    } finally {
      setStarting(false);
    }
  };

  const hydrated = useHydrated();
  const busy = starting || polling;
  const showRunError = notice?.kind === 'failed' || (notice === null && !busy && lastRunFailed(status));
  const loginHref = (reauthorize: boolean) =>
    reauthorize ? `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}` : `/login?returnTo=${encodeURIComponent(returnTo)}`;

  return (
    <section
      aria-labelledby="sync-heading"
      data-testid="sync-panel"
      className="flex flex-col gap-3 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:flex-row sm:items-center sm:justify-between sm:p-5"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <h2 id="sync-heading" className="text-base font-semibold text-ink-900">
          订单同步
        </h2>
        <p className="text-sm text-ink-500">
          {status.lastSuccessAt ? (
            <Freshness iso={status.lastSuccessAt} prefix="上次同步：" suffix="" testId="last-sync" />
          ) : (
            <span data-testid="last-sync">尚未同步过订单</span>
          )}
        </p>
        <div role="status" aria-live="polite" className="flex min-w-0 flex-col gap-1 text-sm">
          {busy && (
            <p data-testid="sync-progress" className="flex items-center gap-2 text-ink-700 tabular">
              <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-brand-500" />
              {starting && !polling ? '正在开始同步…' : `正在同步：已同步 ${status.pagesDone} 页 / ${status.ordersDone} 单`}
            </p>
          )}
          {notice?.kind === 'busy' && <p className="text-ink-500">已有一次同步在进行中，正在显示它的进度。</p>}
          {notice?.kind === 'done' && (
            <p data-testid="sync-done" className="font-medium text-saving tabular">
              同步完成，共同步 {status.pagesDone} 页 / {notice.orders} 单
            </p>
          )}
        </div>
        {showRunError && (
          <p role="alert" data-testid="sync-error" className="rounded-lg bg-price-soft px-3 py-2 text-sm text-price-strong">
            上次同步失败{status.lastErrorAt && <>（<Freshness iso={status.lastErrorAt} suffix="" className="tabular" testId="sync-error-time" />）</>}：
            {status.lastError}
          </p>
        )}
        {notice?.kind === 'login' && (
          <p role="alert" data-testid="sync-error" className="rounded-lg bg-price-soft px-3 py-2 text-sm text-price-strong">
            {notice.reauthorize ? '微店授权已失效，' : '登录已过期，'}
            <a href={loginHref(notice.reauthorize)} className="inline-flex min-h-tap items-center font-medium underline underline-offset-4">
              {notice.reauthorize ? '重新授权' : '请重新登录'}
            </a>
            后再同步。
          </p>
        )}
        {notice?.kind === 'error' && (
          <p role="alert" data-testid="sync-error" className="rounded-lg bg-price-soft px-3 py-2 text-sm text-price-strong">
            {notice.text}
          </p>
        )}
      </div>
      <button
        type="button"
        data-testid="sync-button"
        onClick={start}
        disabled={busy || !hydrated}
        aria-busy={busy || undefined}
        className="inline-flex min-h-tap shrink-0 items-center justify-center gap-2 rounded-full bg-brand-500 px-6 text-sm font-medium text-white transition hover:bg-brand-600 active:bg-brand-700 disabled:cursor-not-allowed disabled:bg-brand-300 max-sm:w-full"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" className={`size-4 ${busy ? 'animate-spin' : ''}`}>
          <path d="M16.5 10a6.5 6.5 0 1 1-2-4.7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          <path d="M16.5 3.5v3.5H13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {busy ? '同步中…' : '立即同步'}
      </button>
    </section>
  );
}
