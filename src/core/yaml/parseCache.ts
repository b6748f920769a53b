import { Provenance } from '../provenance';
import type { Result } from '../result';
import { parseTracked, type ParsedDocument, type ScalarMode } from './trackedParse';

// Parsing YAML is most of a warm render's time. The cache keeps each file's last parse,
// keyed by path and checked against the text, so an unchanged file is never parsed twice
// and an edited one is parsed once per new text. Parsed documents stay pristine: every
// render receives a deep copy whose positions are recorded into that render's Provenance.

interface Entry {
  readonly text: string;
  readonly value: unknown;
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  /** Entries beyond `limit` drop the oldest; a workspace rarely holds that many YAML files. */
  constructor(private readonly limit = 20_000) {}

  /** `build()` for this text of `file`, computed once per (kind, file, text). Throws are not cached. */
  memo<T>(kind: string, file: string, text: string, build: () => T): T {
    const key = `${kind}\u0000${file}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === text) return hit.value as T;
    const value = build();
    this.entries.delete(key);
    this.entries.set(key, { text, value });
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

interface PristineParse {
  readonly result: Result<ParsedDocument[]>;
  readonly positions: Provenance;
}

/** parseTracked, through `cache` when there is one: the documents are fresh copies either way. */
export function parseTrackedCached(
  cache: ParseCache | undefined,
  file: string,
  text: string,
  provenance: Provenance,
  operation: string,
  scalars: ScalarMode = 'plain',
): Result<ParsedDocument[]> {
  if (!cache) return parseTracked(file, text, provenance, operation, { scalars });
  const pristine = cache.memo(`parse:${operation}:${scalars}`, file, text, (): PristineParse => {
    const positions = new Provenance();
    return { result: parseTracked(file, text, positions, operation, { scalars }), positions };
  });
  if (!pristine.result.ok) return pristine.result;
  return { ok: true, value: pristine.result.value.map((doc) => ({ value: provenance.importTracked(pristine.positions, doc.value), location: doc.location })) };
}
