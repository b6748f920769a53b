import { isScalar, LineCounter, Schema, type Node, type Scalar, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';
import { blockScalarValue, type Chomping } from './blockScalarValue';
import { newAlias, newDocument, newMap, newPair, newScalar, newSeq } from './cheapNodes';
import type { SyntaxDocument } from './syntaxDocument';

// The `yaml` package's lexer, CST parser and composer were half of a cold render, for files
// that are nearly always plain block YAML. This composes that common subset straight into
// the same `yaml` nodes (values, styles, source text, start offsets) the package builds,
// (block scalars and anchors/aliases included) and gives up — undefined — on anything else:
// flow collections, tags, multi-line flow scalars, escapes, tabs, directives, duplicate keys
// or anchors, aliases to later anchors, merge keys, odd indentation. The caller
// then parses with the package, so errors and every rarer construct keep its behaviour.
// test/unit/yaml/blockSubsetCompose.test.ts checks the two agree.

export interface ComposedStream {
  readonly documents: SyntaxDocument[];
  readonly lineCounter: LineCounter;
}

/** Thrown inside the composer when the text leaves the subset; never escapes it. */
class OutsideSubset extends Error {}

const giveUp = (): never => {
  throw new OutsideSubset();
};

// The scalar tags of the schema parseAllDocuments uses for `{ merge: true }`: YAML 1.2 core plus `<<`.
const tags = new Schema({ merge: true }).tags.filter((tag): tag is ScalarTag => tag.collection === undefined);
const noOptions = {};

/** Anchor and alias names this subset takes (YAML allows more; the rest goes to the package). */
const anchorName = /^[A-Za-z0-9_./-]+$/;

/** A block scalar header: indicator, optional indentation and chomping indicators, optional comment. */
const blockScalarHeader = /^([|>])([1-9]?)([-+]?)([1-9]?)(?: *| +#.*)$/;

/** Characters a plain scalar (or key) may not start with in this subset. */
const reservedStart = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

interface Line {
  readonly start: number;
  readonly indent: number;
  readonly text: string;
}

export function composeBlockSubset(text: string): ComposedStream | undefined {
  if (hasUnsupportedCharacter(text)) return undefined;
  try {
    return new BlockComposer(text).stream();
  } catch (e) {
    if (e instanceof OutsideSubset) return undefined;
    throw e;
  }
}

class BlockComposer {
  private readonly lines: Line[] = [];
  private readonly lineCounter = new LineCounter();
  /** Index of the current line (the next one to compose). */
  private at = 0;
  /** Column where the current line's content starts, when a sequence item's `- ` was consumed. */
  private column = -1;
  /** The current document's anchors: false while the anchored node is being composed. */
  private readonly anchors = new Map<string, boolean>();

  constructor(private readonly source: string) {
    let start = 0;
    this.lineCounter.addNewLine(0);
    for (;;) {
      const end = source.indexOf('\n', start);
      const text = end < 0 ? source.slice(start) : source.slice(start, end);
      let indent = 0;
      while (indent < text.length && text.charCodeAt(indent) === 32) indent++;
      this.lines.push({ start, indent, text });
      if (end < 0) break;
      start = end + 1;
      this.lineCounter.addNewLine(start);
    }
  }

  stream(): ComposedStream {
    const documents: SyntaxDocument[] = [];
    let explicit = false;
    let markerEnd = 0;
    for (;;) {
      this.skipBlank();
      const line = this.current();
      if (line === undefined) {
        if (explicit) documents.push(emptyDocument(markerEnd));
        break;
      }
      if (line.text === '---') {
        if (explicit) documents.push(emptyDocument(markerEnd));
        explicit = true;
        markerEnd = line.start + 3;
        this.at++;
        continue;
      }
      if (line.indent !== 0 || line.text.startsWith('...') || line.text.startsWith('---') || line.text.startsWith('%')) giveUp();
      this.anchors.clear();
      documents.push(newDocument(this.block(0)));
      explicit = false;
      this.skipBlank();
      const after = this.current();
      if (after !== undefined && after.text !== '---') giveUp();
    }
    return { documents, lineCounter: this.lineCounter };
  }

  /** The current line; undefined past the end (checked, not read out of bounds, which deoptimizes). */
  private current(): Line | undefined {
    return this.at < this.lines.length ? this.lines[this.at] : undefined;
  }

  /** Moves past blank and comment-only lines (not past a consumed `- `). */
  private skipBlank(): void {
    if (this.column >= 0) return;
    for (;;) {
      const line = this.current();
      if (line === undefined) return;
      if (line.indent < line.text.length && line.text.charCodeAt(line.indent) !== 35 /* # */) return;
      this.at++;
    }
  }

  /** The current line's content column. */
  private indentOf(line: Line): number {
    return this.column >= 0 ? this.column : line.indent;
  }

  /** A block mapping or sequence whose first entry is on the current line at `indent`. */
  private block(indent: number): Node {
    const line = this.current()!;
    return isSequenceItem(line.text, indent) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): YAMLSeq {
    const seq = newSeq();
    seq.range = [this.current()!.start + indent, 0, 0];
    for (;;) {
      this.skipBlank();
      const line = this.current();
      if (line === undefined || this.indentOf(line) !== indent || !isSequenceItem(line.text, indent)) break;
      let content = indent + 1;
      while (content < line.text.length && line.text.charCodeAt(content) === 32) content++;
      if (content >= line.text.length || line.text.charCodeAt(content) === 35) {
        // `-` alone: the item is the block on the following lines.
        this.at++;
        this.column = -1;
        this.skipBlank();
        const next = this.current();
        if (next === undefined || next.indent <= indent || next.text === '---') giveUp();
        seq.items.push(this.block(next!.indent));
      } else if (isSequenceItem(line.text, content)) {
        giveUp(); // `- - x`
      } else if (keyEnd(line.text, content) >= 0) {
        this.column = content;
        seq.items.push(this.mapping(content));
      } else {
        this.column = -1;
        seq.items.push(this.value(line, indent, content, false));
      }
    }
    return seq;
  }

  private mapping(indent: number): YAMLMap {
    const map = newMap();
    map.range = [this.current()!.start + indent, 0, 0];
    const seen = new Set<string>();
    for (;;) {
      this.skipBlank();
      const line = this.current();
      if (line === undefined || line.text === '---') break;
      const column = this.indentOf(line);
      if (column < indent) break;
      if (column > indent || isSequenceItem(line.text, column)) giveUp();
      this.column = -1;
      const colon = keyEnd(line.text, column);
      if (colon < 0) giveUp();
      const key = this.key(line, column, colon);
      if (seen.has(key.value as string)) giveUp();
      seen.add(key.value as string);
      map.items.push(newPair(key, this.mapValue(line, indent, colon + 1)));
    }
    return map;
  }

  /** What follows `key:` at `from` on `line`. */
  private mapValue(line: Line, indent: number, from: number): Node {
    return this.value(line, indent, skipSpaces(line.text, from), true);
  }

  /**
   * The node starting at `column` on `line` (after `key: ` or `- `) in a collection at
   * `indent`, with an optional `&anchor`: a scalar or alias there, a block scalar or block
   * collection on the next lines, or (under a key) empty.
   */
  private value(line: Line, indent: number, column: number, underKey: boolean): Node {
    if (line.text.charCodeAt(column) !== 38 /* & */) return this.unanchoredValue(line, indent, column, underKey, false);
    const nameEnd = wordEnd(line.text, column + 1);
    const anchor = line.text.slice(column + 1, nameEnd);
    if (!anchorName.test(anchor) || this.anchors.has(anchor)) giveUp();
    const content = skipSpaces(line.text, nameEnd);
    if (line.text.charCodeAt(content) === 42 /* * */) giveUp(); // an alias takes no anchor: an error
    this.anchors.set(anchor, false);
    const node = this.unanchoredValue(line, indent, content, underKey, true);
    node.anchor = anchor;
    this.anchors.set(anchor, true);
    return node;
  }

  private unanchoredValue(line: Line, indent: number, column: number, underKey: boolean, anchored: boolean): Node {
    const text = line.text;
    if (column < text.length && text.charCodeAt(column) !== 35 /* # */) {
      const first = text.charCodeAt(column);
      if (first === 124 /* | */ || first === 62 /* > */) return this.blockScalar(line, indent, column);
      const value = first === 42 /* * */ ? this.alias(line, column) : this.inlineScalar(line, column);
      this.at++;
      this.expectNoDeeperThan(indent);
      return value;
    }
    this.at++;
    this.skipBlank();
    const next = this.current();
    if (next !== undefined && next.text !== '---') {
      if (next.indent > indent) return this.block(next.indent);
      // YAML lets a sequence under a key sit at the key's own indentation.
      if (underKey && next.indent === indent && isSequenceItem(next.text, indent)) return this.sequence(indent);
    }
    // An empty item, or an anchor on nothing: the package's business.
    if (!underKey || anchored) giveUp();
    return emptyScalar(line.start + column);
  }

  /** `*name` (then nothing, or a comment): an alias to an anchor this document already completed. */
  private alias(line: Line, column: number): Node {
    const nameEnd = wordEnd(line.text, column + 1);
    const name = line.text.slice(column + 1, nameEnd);
    if (!anchorName.test(name) || this.anchors.get(name) !== true) giveUp();
    const rest = skipSpaces(line.text, nameEnd);
    if (rest < line.text.length && (line.text.charCodeAt(rest) !== 35 || rest === nameEnd)) giveUp();
    const alias = newAlias(name);
    alias.range = [line.start + column, line.start + nameEnd, line.start + line.text.length];
    return alias;
  }

  /**
   * A block scalar whose header is at `column` on `line`, in a collection at `indent`: its
   * body is the following lines indented deeper than the first of them (or than the
   * explicit indentation indicator says), up to a less indented line. Leading blank lines,
   * blank lines with more spaces than the body's indentation and stray in-between
   * indentation go to the package.
   */
  private blockScalar(line: Line, indent: number, column: number): Scalar {
    const header = blockScalarHeader.exec(line.text.slice(column));
    if (header === null || (header[2] !== '' && header[4] !== '')) giveUp();
    const [, mode, digitBefore, chomping, digitAfter] = header as unknown as [string, string, string, Chomping, string];
    const explicit = Number(digitBefore || digitAfter || 0);
    const lines = this.lines;
    const first = this.at + 1;
    const firstLine = first < lines.length ? lines[first] : undefined;
    if (firstLine === undefined || firstLine.indent === firstLine.text.length || firstLine.indent <= indent) giveUp();
    const bodyIndent = explicit > 0 ? indent + explicit : firstLine!.indent;
    if (firstLine!.indent < bodyIndent) giveUp();
    let last = first;
    let end = first;
    for (; end < lines.length; end++) {
      const { indent: spaces, text } = lines[end] as Line;
      if (spaces === text.length) {
        if (spaces > bodyIndent) giveUp();
        // A last line without a line break belongs to the body only when it is as wide (the lexer's continueScalar).
        if (end === lines.length - 1 && spaces < bodyIndent) break;
        continue;
      }
      if (spaces >= bodyIndent) last = end;
      else if (spaces > indent) giveUp();
      else break;
    }
    const body: string[] = [];
    for (let i = first; i <= last; i++) body.push((lines[i] as Line).text.slice(bodyIndent));
    // Past the last content line, the package's lexer keeps blank lines as wide as the body in a clipped or stripped scalar.
    for (let i = last + 1; i < end; i++) if (chomping !== '+' && (lines[i] as Line).indent >= bodyIndent) giveUp();
    const breaks = (end < lines.length ? end : lines.length - 1) - last;
    const stop = chomping === '+' ? end : last + 1;
    const rangeEnd = stop < lines.length ? (lines[stop] as Line).start : this.source.length;
    const value = blockScalarValue(mode === '>', chomping, body, breaks);
    const scalar = newScalar(value);
    scalar.source = value;
    scalar.type = mode === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    scalar.range = [line.start + column, rangeEnd, rangeEnd];
    this.at = end;
    return scalar;
  }

  /** After a one-line scalar, a deeper line would continue it (or be an error): not in the subset. */
  private expectNoDeeperThan(indent: number): void {
    this.skipBlank();
    const next = this.current();
    if (next !== undefined && next.indent > indent) giveUp();
  }

  private key(line: Line, column: number, colon: number): Scalar {
    const first = line.text[column] as string;
    const quoted = first === '"' || first === "'";
    const source = quoted ? quotedText(line.text, column, colon) : line.text.slice(column, colon);
    // A key that reads as anything but a string (`true`, `1`, `~`, `<<`) goes to the full parser.
    if (!quoted && (reservedStart.has(first) || (maybeNotString(source) && tags.some((tag) => (tag.default === true || tag.default === 'key') && tag.test?.test(source))))) giveUp();
    if (!quoted && (source.endsWith(' ') || source.includes(' #') || source.length > 1000)) giveUp();
    const key = newScalar(source);
    key.range = [line.start + column, line.start + colon, line.start + colon];
    key.source = source;
    key.type = quoted ? (first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE') : 'PLAIN';
    return key;
  }

  /** A scalar that starts at `column` and ends on this line (after it: nothing, or a comment). */
  private inlineScalar(line: Line, column: number): Scalar {
    const text = line.text;
    const first = text[column] as string;
    let scalar: Scalar;
    if (first === '"' || first === "'") {
      const close = closingQuote(text, column);
      if (close < 0) giveUp();
      const rest = text.slice(close + 1).trimStart();
      if (rest !== '' && (!rest.startsWith('#') || text[close + 1] !== ' ')) giveUp();
      const source = quotedText(text, column, close + 1);
      scalar = newScalar(source);
      scalar.source = source;
      scalar.type = first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    } else {
      if (reservedStart.has(first) && !(first === '-' && text.length > column + 1 && text[column + 1] !== ' ')) giveUp();
      const comment = text.indexOf(' #', column);
      const source = (comment < 0 ? text.slice(column) : text.slice(column, comment)).trimEnd();
      if (source.includes(': ') || source.endsWith(':')) giveUp();
      scalar = plainScalar(source);
    }
    scalar.range = [line.start + column, line.start + text.length, line.start + text.length];
    return scalar;
  }
}

/** Control characters, tabs, CR, BOM: any of them sends the text to the full parser. */
function hasUnsupportedCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 10) || c === 0x7f || c === 0xfeff) return true;
  }
  return false;
}

function emptyDocument(offset: number): SyntaxDocument {
  return newDocument(emptyScalar(offset));
}

/** What the package composes for a missing value: a null plain scalar with empty source. */
function emptyScalar(offset: number): Scalar {
  const scalar = newScalar(null);
  scalar.range = [offset, offset, offset];
  scalar.source = '';
  scalar.type = 'PLAIN';
  return scalar;
}

/** A plain scalar resolved by the core schema's tags, as the package's composer does. */
function plainScalar(source: string): Scalar {
  const tag = maybeNotString(source) ? tags.find((t) => t.default === true && t.test?.test(source)) : undefined;
  const value = tag ? tag.resolve(source, giveUp, noOptions) : source;
  // Some tags resolve to a Scalar of their own (bool, null, float keep formatting details).
  if (value !== null && typeof value === 'object' && !isScalar(value)) giveUp();
  const scalar = isScalar(value) ? value : newScalar(value);
  scalar.source = source;
  scalar.type = 'PLAIN';
  if (tag?.format) scalar.format = tag.format;
  return scalar;
}

/**
 * False when no core-schema tag can match `source`, so the tag tests can be skipped: they
 * match only text starting with a digit or one of `+-.~<`, or null/true/false spelled with
 * n, t or f (the differential test holds this to the package's own tags).
 */
function maybeNotString(source: string): boolean {
  const c = source.charCodeAt(0) | 0x20; // ASCII letters to lower case
  if (c < 0x61 || c > 0x7a) return true;
  return c === 0x6e /* n */ || c === 0x74 /* t */ || c === 0x66 /* f */;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

/** Where the word starting at `from` ends: at a space or the line's end. */
function wordEnd(text: string, from: number): number {
  const space = text.indexOf(' ', from);
  return space < 0 ? text.length : space;
}

function isSequenceItem(text: string, column: number): boolean {
  return text.charCodeAt(column) === 45 /* - */ && (text.length === column + 1 || text.charCodeAt(column + 1) === 32);
}

/**
 * Where the `:` ending a mapping key that starts at `column` is, or -1 when the line is no
 * key: `key:` then a space or the line's end, before any comment.
 */
function keyEnd(text: string, column: number): number {
  const first = text[column];
  if (first === '"' || first === "'") {
    const close = closingQuote(text, column);
    if (close < 0) return -1;
    return close + 1 < text.length && text.charCodeAt(close + 1) === 58 && (text.length === close + 2 || text.charCodeAt(close + 2) === 32) ? close + 1 : -1;
  }
  for (let i = column; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) return i;
    if (c === 35 /* # */ && i > column && text.charCodeAt(i - 1) === 32) return -1;
  }
  return -1;
}

/** The index of the quote closing the one at `open`, or -1 (escapes and line breaks are out of the subset). */
function closingQuote(text: string, open: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* \ */) giveUp();
    if (c !== quote) continue;
    if (quote === 39 && i + 1 < text.length && text.charCodeAt(i + 1) === 39) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** The content of the quoted scalar spanning [open, end). */
function quotedText(text: string, open: number, end: number): string {
  const inner = text.slice(open + 1, end - 1);
  return text[open] === "'" ? inner.replaceAll("''", "'") : inner;
}
