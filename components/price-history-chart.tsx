import { formatBeijingTime } from '@/lib/format/relative-time';
import { DAY_MS, HOUR_MS } from '@/lib/history/dedupe';
import type { PriceHistory, PriceSeries, PriceSource } from '@/lib/history/types';
import { fenToSpokenYuan, formatFen } from '@/lib/money';
import { PLATFORM_LABELS, type Fen } from '@/lib/types';

/**
 * Each source's price over the window as a step line (a price holds until it changes), in plain server-
 * rendered SVG: no chart library, no client JavaScript. One marker per recorded point (`price-point`), a
 * legend with each source's current / highest / lowest, and a text alternative: the SVG's aria-label
 * summarises, a <details> table lists every point (each a price change: lib/history/series.ts).
 */

/** Colour and dash per source, so lines differ without colour too. */
const STYLE: Record<PriceSource, { color: string; dash?: string; width: number }> = {
  weidian: { color: '#ea330c', width: 2.5 },
  taobao: { color: '#d97706', dash: '5 3', width: 1.75 },
  tmall: { color: '#be185d', dash: '1.5 2.5', width: 1.75 },
  jd: { color: '#2563eb', width: 1.75 },
  pdd: { color: '#16a34a', dash: '8 3 2 3', width: 1.75 },
  suning: { color: '#7c3aed', dash: '3 3', width: 1.75 },
  vip: { color: '#0891b2', dash: '6 2 1 2', width: 1.75 },
};

/**
 * The viewBox; the text scales with it, so the chart is capped at max-w-2xl (about 1.4×): full width on a
 * desktop card would draw 11-unit labels near 28 px.
 */
const W = 480;
const H = 220;
const PAD = { top: 10, right: 10, bottom: 24, left: 64 };
const PLOT = { x0: PAD.left, x1: W - PAD.right, y0: PAD.top, y1: H - PAD.bottom };
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** The smallest 1/2/5 × 10ⁿ fen step giving at most `count` intervals over `span`. */
function niceStep(span: Fen, count: number): Fen {
  const raw = Math.max(1, span / count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
}

/** The y axis: a padded, rounded range over every price shown, and its ticks. */
function priceAxis(series: readonly PriceSeries[]): { lo: Fen; hi: Fen; ticks: Fen[] } {
  const prices = series.flatMap((s) => s.points.map((p) => p.priceFen));
  let min = Math.min(...prices);
  let max = Math.max(...prices);
  if (min === max) {
    const pad = Math.max(100, Math.round(min * 0.05));
    min = Math.max(0, min - pad);
    max += pad;
  }
  const step = niceStep(max - min, 4);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: Fen[] = [];
  for (let fen = lo; fen <= hi; fen += step) ticks.push(fen);
  return { lo, hi, ticks };
}

/** "¥1,299" for whole yuan, "¥12.50" otherwise: formatFen, without a run of zero fen on every tick. */
const axisPrice = (fen: Fen, wholeYuan: boolean): string => (wholeYuan ? formatFen(fen).replace(/\.00$/, '') : formatFen(fen));

/** "12月1日" (Beijing time). */
function monthDay(ms: number): string {
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})/.exec(formatBeijingTime(new Date(ms).toISOString())) ?? [];
  return `${Number(month)}月${Number(day)}日`;
}

/** Date ticks at Beijing midnights, about five across the window; none so close to its end that the label is cut. */
function timeTicks(fromMs: number, toMs: number): number[] {
  const days = Math.round((toMs - fromMs) / DAY_MS);
  const every = days <= 30 ? 7 : days <= 90 ? 15 : 30;
  const firstMidnight = Math.ceil((fromMs + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
  const lastMs = toMs - (toMs - fromMs) * 0.04;
  const ticks: number[] = [];
  for (let t = firstMidnight; t <= lastMs; t += every * DAY_MS) ticks.push(t);
  return ticks;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function scales(history: PriceHistory, axis: { lo: Fen; hi: Fen }) {
  const fromMs = Date.parse(history.from);
  const toMs = Date.parse(history.to);
  const x = (ms: number) => round1(PLOT.x0 + ((Math.max(fromMs, Math.min(toMs, ms)) - fromMs) / (toMs - fromMs)) * (PLOT.x1 - PLOT.x0));
  const y = (fen: Fen) => round1(PLOT.y1 - ((fen - axis.lo) / (axis.hi - axis.lo)) * (PLOT.y1 - PLOT.y0));
  return { x, y, fromMs, toMs };
}

/** The step line: each price held until the next point, the last until the series' `until`. */
function stepLine(s: PriceSeries, x: (ms: number) => number, y: (fen: Fen) => number): string {
  const coords: string[] = [];
  s.points.forEach((p, i) => {
    const next = s.points[i + 1];
    const endMs = next ? Date.parse(next.at) : Date.parse(s.until);
    coords.push(`${x(Date.parse(p.at))},${y(p.priceFen)}`, `${x(endMs)},${y(p.priceFen)}`);
  });
  return coords.join(' ');
}

function summary(history: PriceHistory): string {
  if (history.series.length === 0) return `近${history.days}天暂无价格记录`;
  const parts = history.series.map((s) => {
    const now = s.currentFen === null ? '当前无报价' : `当前${fenToSpokenYuan(s.currentFen)}`;
    return `${PLATFORM_LABELS[s.platform]}${now}，最高${fenToSpokenYuan(s.highestFen)}，最低${fenToSpokenYuan(s.lowestFen)}`;
  });
  return `近${history.days}天价格走势：${parts.join('；')}`;
}

function Swatch({ source }: { source: PriceSource }) {
  const style = STYLE[source];
  return (
    <svg aria-hidden="true" viewBox="0 0 24 8" className="h-2 w-6 shrink-0">
      <line x1="0" y1="4" x2="24" y2="4" stroke={style.color} strokeWidth={style.width + 0.5} strokeDasharray={style.dash} />
    </svg>
  );
}

export function PriceHistoryChart({ history, className }: { history: PriceHistory; className?: string }) {
  const label = summary(history);
  if (history.series.length === 0) {
    return (
      <figure data-testid="price-history-chart" data-range={history.days} aria-label={label} className={className}>
        <p className="rounded-xl bg-ink-50 px-4 py-6 text-center text-sm text-ink-500">近{history.days}天暂无价格记录，稍后再来看看。</p>
      </figure>
    );
  }
  const axis = priceAxis(history.series);
  const wholeYuan = axis.ticks.every((fen) => fen % 100 === 0);
  const { x, y, fromMs, toMs } = scales(history, axis);
  return (
    <figure data-testid="price-history-chart" data-range={history.days} className={`flex flex-col gap-3 ${className ?? ''}`}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-2xl text-ink-500" fontSize="11">
        <g data-testid="price-axis">
          {axis.ticks.map((fen) => (
            <g key={fen}>
              <line x1={PLOT.x0} x2={PLOT.x1} y1={y(fen)} y2={y(fen)} stroke="#e6e4df" strokeWidth="1" />
              <text x={PLOT.x0 - 6} y={y(fen)} textAnchor="end" dominantBaseline="middle" fill="currentColor" className="tabular">
                {axisPrice(fen, wholeYuan)}
              </text>
            </g>
          ))}
        </g>
        <g data-testid="time-axis">
          <line x1={PLOT.x0} x2={PLOT.x1} y1={PLOT.y1} y2={PLOT.y1} stroke="#d2cfc8" strokeWidth="1" />
          {timeTicks(fromMs, toMs).map((t) => (
            <text key={t} x={x(t)} y={H - 6} textAnchor="middle" fill="currentColor">
              {monthDay(t)}
            </text>
          ))}
        </g>
        {history.series.map((s) => {
          const style = STYLE[s.platform];
          const name = PLATFORM_LABELS[s.platform];
          return (
            <g key={s.platform} data-testid="price-series" data-platform={s.platform} fill={style.color}>
              <polyline
                points={stepLine(s, x, y)}
                fill="none"
                stroke={style.color}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
              {s.points.map((p) => (
                <circle key={p.at} data-testid="price-point" data-fen={p.priceFen} data-at={p.at} cx={x(Date.parse(p.at))} cy={y(p.priceFen)} r="2.25">
                  <title>{`${name} ${formatBeijingTime(p.at)} 起 ${formatFen(p.priceFen)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>

      <ul className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" aria-label="各平台价格">
        {history.series.map((s) => (
          <li key={s.platform} data-testid="price-history-legend" data-platform={s.platform} className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
            <span className="flex items-center gap-1.5 font-medium text-ink-800">
              <Swatch source={s.platform} />
              {PLATFORM_LABELS[s.platform]}
            </span>
            <span className="tabular text-xs text-ink-600">
              当前 <span data-testid="history-current">{s.currentFen === null ? '暂无报价' : formatFen(s.currentFen)}</span>
              <span className="mx-1.5 text-ink-300">·</span>最高 <span data-testid="history-highest">{formatFen(s.highestFen)}</span>
              <span className="mx-1.5 text-ink-300">·</span>最低 <span data-testid="history-lowest">{formatFen(s.lowestFen)}</span>
            </span>
          </li>
        ))}
      </ul>

      <details className="text-sm text-ink-600">
        <summary className="min-h-tap cursor-pointer py-2 text-xs text-ink-500">价格变动明细</summary>
        <table className="w-full border-collapse text-left text-xs">
          <caption className="sr-only">近{history.days}天各平台价格变动</caption>
          <thead>
            <tr className="border-b border-ink-200 text-ink-500">
              <th scope="col" className="py-1.5 pr-3 font-medium">平台</th>
              <th scope="col" className="py-1.5 pr-3 font-medium">时间（北京时间）</th>
              <th scope="col" className="py-1.5 font-medium">价格</th>
            </tr>
          </thead>
          <tbody>
            {history.series.flatMap((s) =>
              s.points.map((p) => (
                <tr key={`${s.platform}:${p.at}`} className="border-b border-ink-100">
                  <td className="py-1 pr-3">{PLATFORM_LABELS[s.platform]}</td>
                  <td className="tabular py-1 pr-3">{Date.parse(p.at) < fromMs ? `${formatBeijingTime(p.at)} 起` : formatBeijingTime(p.at)}</td>
                  <td className="tabular py-1">{formatFen(p.priceFen)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
