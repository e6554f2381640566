/**
 * One table of de-duplication cases, run through the pure rule (tests/unit/history-dedupe.test.ts) and
 * through PostgreSQL (tests/integration/history-store.test.ts): both must record exactly the same steps.
 */
const T0 = Date.parse('2026-12-01T02:00:00Z');
const H = 3_600_000;
const D = 24 * H;

export interface DedupeStep {
  atMs: number;
  priceFen: number;
  /** Whether this observation becomes a row. */
  recorded: boolean;
}

export const DEDUPE_CASES: { name: string; steps: DedupeStep[] }[] = [
  { name: 'the first observation of a series is recorded', steps: [{ atMs: T0, priceFen: 100, recorded: true }] },
  {
    name: 'the same price again within a day: no row',
    steps: [
      { atMs: T0, priceFen: 100, recorded: true },
      { atMs: T0 + H, priceFen: 100, recorded: false },
      { atMs: T0 + 23 * H, priceFen: 100, recorded: false },
    ],
  },
  {
    name: 'a changed price: a row, even a minute later',
    steps: [
      { atMs: T0, priceFen: 100, recorded: true },
      { atMs: T0 + 60_000, priceFen: 99, recorded: true },
      { atMs: T0 + 120_000, priceFen: 100, recorded: true },
    ],
  },
  {
    name: 'the same price a day or more after the last row: a heartbeat row',
    steps: [
      { atMs: T0, priceFen: 100, recorded: true },
      { atMs: T0 + D - 1, priceFen: 100, recorded: false },
      { atMs: T0 + D, priceFen: 100, recorded: true },
      { atMs: T0 + 3 * D + 5 * H, priceFen: 100, recorded: true },
    ],
  },
  {
    name: 'the heartbeat counts from the last row, not from the last observation',
    steps: [
      { atMs: T0, priceFen: 100, recorded: true },
      { atMs: T0 + 12 * H, priceFen: 100, recorded: false },
      { atMs: T0 + 25 * H, priceFen: 100, recorded: true },
      { atMs: T0 + 30 * H, priceFen: 100, recorded: false },
    ],
  },
  {
    name: 'an observation not newer than the last row is ignored, whatever its price',
    steps: [
      { atMs: T0, priceFen: 100, recorded: true },
      { atMs: T0, priceFen: 100, recorded: false },
      { atMs: T0, priceFen: 250, recorded: false },
      { atMs: T0 - D, priceFen: 90, recorded: false },
      { atMs: T0 + H, priceFen: 250, recorded: true },
    ],
  },
];
