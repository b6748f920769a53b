import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type Scalar } from 'yaml';
import { diagnostic, err, ok, type Diagnostic, type Result } from '../result';
import type { FieldWrite, Provenance, SourceLocation } from '../provenance';
import { goTimestampText } from './goTimestamp';
import { goyamlV3Number } from './goyamlV3Number';
import { goyamlV3KeyType } from './goyamlV3KeyType';
import { goyamlV2Value } from './goyamlV2Value';
import { composeBlockSubset, type ComposedStream } from './blockSubsetCompose';
import type { SyntaxDocument } from './syntaxDocument';

/**
 * How plain scalars read, beyond the YAML 1.2 core schema (`yaml` package) every file uses:
 * `resource` turns timestamps into the RFC 3339 text kustomize prints and keeps the text of
 * annotation values (kubernetes objects); `patch` does the same but leaves a null
 * annotation null, a deletion (strategic merge patches); `yaml11` reads scalars as
 * yaml.v2 does (JSON 6902 patches).
 */
export type ScalarMode = 'plain' | 'resource' | 'patch' | 'yaml11';

export interface ParsedDocument {
  /** The document as plain JSON-like data (null for an empty document). */
  readonly value: unknown;
  /** Where the document's content starts. */
  readonly location: SourceLocation;
}

/**
 * Parses a (multi-document) YAML file into plain data and records, in
 * `provenance`, where every map key and sequence item was written, under the
 * operation name `operation`.
 */
/** The `yaml` package's documents of a parse, for a caller that inspects the syntax too (kustomization validation). */
export interface SyntaxTree {
  documents: readonly SyntaxDocument[];
  lineCounter: LineCounter;
}

export interface ParseOptions {
  readonly scalars?: ScalarMode;
  /** Filled with the parse's syntax tree, for a caller that inspects it too. */
  readonly syntax?: SyntaxTree;
  /**
   * A key written twice in one mapping: an error (yaml.v3 decoding into Go values, as kubectl
   * reads resources); `last`: the later one wins, as for files kubectl decodes through JSON
   * (kustomizations, replacement files, JSON 6902 patches); `first`: the earlier one, as kyaml
   * finds a field in a node (strategic merge patches). Each ignored key is reported.
   */
  readonly duplicateKeys?: 'error' | 'first' | 'last';
  /** Where an ignored duplicate key was written, with the later key that overrode it. */
  readonly overridden?: OverriddenKey[];
}

export interface OverriddenKey {
  /** The parsed mapping that holds the key. */
  readonly map: object;
  readonly key: string;
  readonly ignored: SourceLocation;
  readonly kept: SourceLocation;
}

export function parseTracked(file: string, text: string, provenance: Provenance, operation: string, options: ParseOptions = {}): Result<ParsedDocument[]> {
  const { scalars = 'plain', syntax, duplicateKeys = 'error' } = options;
  // Duplicate keys are found while converting (the yaml package would only say "must be unique").
  const { documents, lineCounter } = composeBlockSubset(text) ?? composeWithPackage(text);
  if (syntax) {
    syntax.documents = documents;
    syntax.lineCounter = lineCounter;
  }
  const problems: Diagnostic[] = [];
  const parsed: ParsedDocument[] = [];
  const locate = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const overridden = duplicateKeys === 'error' ? [] : options.overridden;
  for (const doc of documents) {
    for (const e of [...doc.errors]) {
      problems.push(diagnostic(file, `invalid YAML: ${firstLine(e.message)}`, toLineColumn(lineCounter, e.pos[0])));
    }
    if (problems.length > 0) continue;
    const converter = new Converter(doc, provenance, operation, locate, scalars, overridden, duplicateKeys === 'first');
    const value = doc.contents ? converter.convert(doc.contents, 'root', false) : null;
    parsed.push({ value, location: locate(doc.contents?.range?.[0] ?? 0) });
  }
  if (duplicateKeys === 'error' && overridden && overridden.length > 0) {
    // As yaml.v3 says it when kubectl decodes the object: at the later key.
    for (const { key, ignored, kept } of overridden) problems.push(diagnostic(file, `invalid YAML: mapping key "${key}" already defined at line ${ignored.line}`, kept));
  }
  return problems.length > 0 ? err(problems) : ok(parsed);
}

/** The `yaml` package's full parse, for whatever the block-subset composer leaves to it. */
function composeWithPackage(text: string): ComposedStream {
  const lineCounter = new LineCounter();
  const parsedDocuments = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false, prettyErrors: false });
  // parseAllDocuments yields an EmptyStream (no documents) for empty text.
  return { documents: Array.isArray(parsedDocuments) ? parsedDocuments : [], lineCounter };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

function toLineColumn(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

type Place = 'root' | 'metadata' | 'annotations' | 'annotation' | 'other';

function nextPlace(place: Place, key: string): Place {
  if (place === 'root' && key === 'metadata') return 'metadata';
  if (place === 'metadata' && key === 'annotations') return 'annotations';
  return place === 'annotations' ? 'annotation' : 'other';
}

class Converter {
  constructor(
    private readonly doc: SyntaxDocument,
    private readonly provenance: Provenance,
    private readonly operation: string,
    private readonly locate: (offset: number) => SourceLocation,
    private readonly scalars: ScalarMode,
    private readonly overridden: OverriddenKey[] | undefined,
    private readonly firstWins = false,
  ) {}

  /**
   * `place` follows the document root into `metadata.annotations`, whose values kustomize
   * rewrites as strings on load (so they keep their text); `inFlow` is set inside `[…]`/`{…}`.
   */
  convert(node: unknown, place: Place, inFlow: boolean): unknown {
    // Both composers' documents are Documents, so an alias resolves to its anchored node.
    if (isAlias(node)) return this.convert(isDocument(this.doc) ? node.resolve(this.doc) : null, place, inFlow);
    if (isScalar(node)) return this.scalar(node, place, inFlow);
    if (isSeq(node)) {
      const list: unknown[] = [];
      node.items.forEach((item, index) => {
        list.push(this.convert(item, 'other', inFlow || node.flow === true));
        this.track(list, index, item);
      });
      return list;
    }
    if (isMap(node)) {
      const map: Record<string, unknown> = {};
      // Keys merged in with `<<` may be overridden; only an explicit key written again is a duplicate.
      let merged: Set<string> | undefined;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (key === '<<') {
          const before = Object.keys(map).length;
          if (this.mergeInto(map, pair.value, inFlow)) {
            for (const k of Object.keys(map).slice(before)) (merged ??= new Set()).add(k);
            continue;
          }
        }
        if (Object.hasOwn(map, key) && merged?.delete(key) !== true) {
          this.overrode(node.items, key, pair.key, map);
          if (this.firstWins) continue;
        }
        map[key] = this.convert(pair.value, nextPlace(place, key), inFlow || node.flow === true);
        // kubectl cannot print a nested key that reads as no string (goyamlV3KeyType.ts): noted here, judged on output.
        const nonStringKey = this.scalars === 'resource' && place !== 'root' ? goyamlV3KeyType(pair.key) : undefined;
        this.track(map, key, pair.key, nonStringKey ? { ...scalarStyle(pair.value, map[key]), nonStringKey } : scalarStyle(pair.value, map[key]));
      }
      return map;
    }
    return null;
  }

  private scalar(node: Scalar, place: Place, inFlow: boolean): unknown {
    const value = scalarValue(node);
    if (node.type !== 'PLAIN' || typeof node.source !== 'string' || node.tag !== undefined) return value;
    if (this.scalars === 'yaml11') return goyamlV2Value(node.source);
    if (this.scalars !== 'resource' && this.scalars !== 'patch') return value;
    // Annotations are a string map to kustomize: `12`, `~` and `1.50` keep their text (kubectl-verified).
    if (place === 'annotation') return this.scalars === 'patch' && value === null ? null : node.source;
    if (typeof value !== 'string') return value;
    // In a flow collection yaml.v3 re-emits a scalar holding ':' quoted, so it stays a string.
    if (inFlow && value.includes(':')) return value;
    return goyamlV3Number(node.source) ?? goTimestampText(value) ?? value;
  }

  /** YAML merge keys (`<<: *base`): earlier explicit keys win. */
  private mergeInto(map: Record<string, unknown>, source: unknown, inFlow: boolean): boolean {
    const sources = isSeq(source) ? source.items : [source];
    for (const item of sources) {
      const merged = this.convert(item, 'other', inFlow);
      if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) return false;
      for (const [k, v] of Object.entries(merged)) {
        if (!(k in map)) map[k] = v;
      }
    }
    return true;
  }

  /** `key` written again at `later`: one of the two is ignored (reported; the later one dropped from the provenance when it wins). */
  private overrode(pairs: readonly unknown[], key: string, later: unknown, map: object): void {
    const earlier = pairs.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) as { key: unknown } | undefined;
    const [first, second] = [this.locateNode(earlier?.key), this.locateNode(later)];
    this.overridden?.push(this.firstWins ? { map, key, ignored: second, kept: first } : { map, key, ignored: first, kept: second });
    if (!this.firstWins) this.provenance.forget(map, key);
  }

  private locateNode(node: unknown): SourceLocation {
    return this.locate((node as Node | null)?.range?.[0] ?? 0);
  }

  private track(parent: object, key: string | number, node: unknown, style?: Pick<FieldWrite, 'quoted' | 'plainText' | 'nonStringKey'>): void {
    const range = (node as Node | null)?.range;
    if (!range) return;
    // Spelled out rather than spread: this runs for every field of every parsed file.
    const { file, line, column } = this.locate(range[0]);
    this.provenance.record(parent, key, style ? { file, line, column, operation: this.operation, ...style } : { file, line, column, operation: this.operation });
  }
}

/** How a map value was written, as far as later strategic merges care (see FieldWrite). */
function scalarStyle(node: unknown, value: unknown): Pick<FieldWrite, 'quoted' | 'plainText'> | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type !== 'PLAIN') return { quoted: true };
  return typeof node.source === 'string' && value !== null && value !== node.source ? { plainText: node.source } : undefined;
}

/**
 * kyaml reads a plain integer with a leading zero as octal, as YAML 1.1 did
 * (`defaultMode: 0440` is 288); the `yaml` package's 1.2 core schema would say 440.
 */
function scalarValue(node: Scalar): unknown {
  const source = node.source;
  if (node.type === 'PLAIN' && typeof source === 'string' && /^[-+]?0[0-7]+$/.test(source)) {
    const sign = source.startsWith('-') ? -1 : 1;
    return sign * parseInt(source.replace(/^[-+]/, ''), 8);
  }
  return node.value ?? null;
}
