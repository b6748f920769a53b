import { writeScalar } from './scalarWriter';
import { compareGoYamlKeys } from './goyamlKeyOrder';

// Emits data exactly as kustomize prints it: sigs.k8s.io/yaml's JSONToYAML over
// gopkg.in/yaml.v2 — keys sorted, two-space indent, sequences under a mapping
// not indented, empty collections in flow style.

const indentStep = 2;

/** One document, ending in a newline. */
export function emitDocument(value: unknown): string {
  const lines: string[] = [];
  emitBlock(value, 0, lines, '');
  return `${lines.join('\n')}\n`;
}

/** Documents joined the way `kubectl kustomize` joins them. */
export function emitStream(values: readonly unknown[]): string {
  return values.map(emitDocument).join('---\n');
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}

function flowEmpty(v: unknown): string {
  return Array.isArray(v) ? '[]' : '{}';
}

/**
 * Emits `value` as a block collection at `indent`. `prefix` is text already
 * written on the first line (a sequence dash), which the first entry shares.
 */
function emitBlock(value: unknown, indent: number, lines: string[], prefix: string): void {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => emitSequenceItem(item, indent, lines, i === 0 ? prefix : ' '.repeat(indent)));
  } else if (isMap(value) && Object.keys(value).length > 0) {
    Object.keys(value)
      .sort(compareGoYamlKeys)
      .forEach((key, i) => emitMapEntry(key, value[key], indent, lines, i === 0 ? prefix : ' '.repeat(indent)));
  } else {
    const text = isEmptyCollection(value) ? flowEmpty(value) : writeScalar(value, { column: prefix.length, indent, isKey: false });
    lines.push(prefix + text);
  }
}

function emitMapEntry(key: string, value: unknown, indent: number, lines: string[], lead: string): void {
  const head = `${lead}${writeScalar(key, { column: lead.length, indent, isKey: true })}:`;
  if (isEmptyCollection(value)) {
    lines.push(`${head} ${flowEmpty(value)}`);
  } else if (Array.isArray(value)) {
    lines.push(head);
    emitBlock(value, indent, lines, ' '.repeat(indent));
  } else if (isMap(value)) {
    lines.push(head);
    emitBlock(value, indent + indentStep, lines, ' '.repeat(indent + indentStep));
  } else {
    lines.push(`${head} ${writeScalar(value, { column: head.length + 1, indent: indent + indentStep, isKey: false })}`);
  }
}

function emitSequenceItem(item: unknown, indent: number, lines: string[], lead: string): void {
  const dash = `${lead}- `;
  if (isEmptyCollection(item)) {
    lines.push(dash + flowEmpty(item));
  } else if (Array.isArray(item) || isMap(item)) {
    emitBlock(item, indent + indentStep, lines, dash);
  } else {
    lines.push(dash + writeScalar(item, { column: dash.length, indent: indent + indentStep, isKey: false }));
  }
}
