/**
 * Reading pairs files (JSON Lines, one `{id, left, right, match?}` a line, the format of
 * ../shared/datasets/README.md), streamed line by line so files of any size work. Shared by
 * `npm run match`, `npm run match:eval` and `npm run match:train`.
 *
 * A line is bad when it is not JSON, not an object, its `left` or `right` is not an object, or its `match`
 * is present but not a boolean (or 0/1). Blank lines are skipped. `id` may be absent (then the line number,
 * as text, stands for it); a non-string id is written as its JSON text. Fields inside `left`/`right` are
 * never refused: the matcher uses the string ones and ignores the rest.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ListingRecord } from '../../lib/match/listing';

export interface LabelledPair {
  id: string;
  left: ListingRecord;
  right: ListingRecord;
  /** The label, when the file has one. */
  match?: boolean;
  /** 1-based line number in the file. */
  line: number;
}

export class PairsFileError extends Error {
  readonly line: number;
  constructor(source: string, line: number, why: string) {
    super(`${source}:${line}: ${why}`);
    this.name = 'PairsFileError';
    this.line = line;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses one line; throws PairsFileError naming the line when it is bad. */
export function parsePairLine(text: string, line: number, source = 'input'): LabelledPair {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PairsFileError(source, line, `not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(value)) throw new PairsFileError(source, line, 'expected a JSON object {"id", "left", "right", "match"?}');
  const { id, left, right, match } = value;
  if (!isObject(left)) throw new PairsFileError(source, line, '"left" must be an object of fields');
  if (!isObject(right)) throw new PairsFileError(source, line, '"right" must be an object of fields');
  let label: boolean | undefined;
  if (match === true || match === 1) label = true;
  else if (match === false || match === 0) label = false;
  else if (match !== undefined && match !== null) throw new PairsFileError(source, line, '"match" must be true or false when present');
  const name = id === undefined || id === null || id === '' ? String(line) : typeof id === 'string' ? id : JSON.stringify(id);
  return { id: name, left, right, match: label, line };
}

/** The pairs of a file (or of stdin for "-"), in order. Throws PairsFileError at the first bad line. */
export async function* readPairs(file: string, input?: Readable): AsyncGenerator<LabelledPair> {
  const source = file === '-' ? 'stdin' : file;
  const stream = input ?? (file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' }));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    yield parsePairLine(text, n, source);
  }
}

export async function readAllPairs(file: string): Promise<LabelledPair[]> {
  const out: LabelledPair[] = [];
  for await (const p of readPairs(file)) out.push(p);
  return out;
}

/**
 * Where the shared benchmark files are: `--data DIR`, else MATCH_DATA_DIR, else
 * ../shared/datasets/product-matching (relative to the working directory, i.e. the repo root under npm).
 */
export function dataDir(argv: readonly string[]): string {
  const i = argv.indexOf('--data');
  const dir = (i >= 0 ? argv[i + 1] : undefined) ?? process.env.MATCH_DATA_DIR ?? '../shared/datasets/product-matching';
  return resolve(dir);
}
