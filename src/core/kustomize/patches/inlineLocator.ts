import { isScalar, LineCounter, parseDocument, visit, type Scalar } from 'yaml';
import type { FieldWrite, SourceLocation } from '../../provenance';
import type { Relocate } from './trackedClone';

// An inline patch is a string inside the kustomization; parsing it gives positions
// relative to that string. This maps them back into the kustomization file, so a
// patched value points at its line in the `patch: |-` block.

/** Indexes the file's scalars once; then maps positions in the string written at `at` (a key's value, or a list item) to positions in `file`. */
export function inlineLocator(file: string, fileText: string): (at: SourceLocation) => Relocate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fileText, { lineCounter, uniqueKeys: false });
  const scalars = new Map<string, Scalar>();
  const where = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${line}:${col}`;
  };
  visit(doc, {
    Pair(_, pair) {
      const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (start !== undefined && isScalar(pair.value)) scalars.set(where(start), pair.value);
    },
    Scalar(_, scalar) {
      const start = scalar.range?.[0];
      // A pair's value is found by its key first; list items (patchesStrategicMerge) by themselves.
      if (start !== undefined && !scalars.has(where(start))) scalars.set(where(start), scalar);
    },
  });
  return (at) => relocation(file, fileText, lineCounter, scalars.get(`${at.line}:${at.column}`), at);
}

function relocation(file: string, fileText: string, lineCounter: LineCounter, value: Scalar | undefined, at: SourceLocation): Relocate {
  const start = value?.range?.[0];
  if (value === undefined || start === undefined) return (w) => ({ ...w, file, line: at.line, column: at.column });
  const origin = lineCounter.linePos(start);
  if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') {
    const indent = blockIndent(fileText, lineCounter.lineStarts, origin.line);
    return (w) => ({ ...w, file, line: origin.line + w.line, column: indent + w.column });
  }
  const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
  return (w: FieldWrite) =>
    w.line === 1
      ? { ...w, file, line: origin.line, column: origin.col + quoted + w.column - 1 }
      : { ...w, file, line: origin.line, column: origin.col };
}

/** The indentation of a block scalar's content: that of its first non-blank line. */
function blockIndent(text: string, lineStarts: readonly number[], headerLine: number): number {
  for (let line = headerLine + 1; line <= lineStarts.length; line++) {
    const from = lineStarts[line - 1] ?? text.length;
    const to = lineStarts[line] ?? text.length;
    const content = text.slice(from, to).replace(/\r?\n$/, '');
    if (content.trim() !== '') return content.length - content.trimStart().length;
  }
  return 0;
}
