import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SyntaxDocument } from '../../yaml/syntaxDocument';
import { RenderError, diagnostic } from '../../result';
import { kustomizationSchema, type FieldType } from './kustomizationSchema';
import { closestName } from './suggest';
import { plainScalarType, type GoScalarType } from './goyamlScalarType';
import { nonStringKeyType, unsupportedKey, type NonStringKeyType } from './mapKeys';

// kubectl decodes a kustomization as YAML 1.1 into Go structs with a strict JSON
// decoder (api/types/kustomization.go Unmarshal): unknown fields and wrong types are
// errors, field names match case-insensitively, and unquoted y/yes/on/off are booleans.
// It names only the field, alphabetically first; we point at the first one in the file.

/** A key written in another case than the Go field's JSON name, which kubectl accepts. */
export interface KeyRename {
  /** Keys and indices from the document root to the map holding the key. */
  readonly path: readonly (string | number)[];
  readonly from: string;
  readonly to: string;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

/** A label or annotation key kubectl reads as no string (see mapKeys.ts): fatal once a printed resource carries it. */
export interface NonStringKey {
  /** The key as the engine reads it (YAML 1.2), so the rendered map holds it under this name. */
  readonly key: string;
  readonly source: string;
  readonly type: NonStringKeyType;
  readonly at: Position;
  /** The field holding it, e.g. `commonAnnotations`. */
  readonly where: string;
}

export interface KustomizationChecks {
  readonly renames: KeyRename[];
  readonly nonStringKeys: NonStringKey[];
}

/** Checks `text` against kustomize v5.7.1's Kustomization type; throws a located RenderError. */
export function validateKustomization(file: string, text: string, parsed?: { readonly doc: SyntaxDocument | undefined; readonly lineCounter: LineCounter }): KustomizationChecks {
  // The tracked parse's syntax tree when the caller has it: parsing the text twice was a third of a keystroke's render.
  const lineCounter = parsed?.lineCounter ?? new LineCounter();
  const doc: SyntaxDocument | undefined = parsed ? parsed.doc : parseDocument(text, { lineCounter, uniqueKeys: false });
  if (!doc) return { renames: [], nonStringKeys: [] };
  if (doc.errors.length > 0) return { renames: [], nonStringKeys: [] }; // the tracked parse reports YAML errors
  const at = (node: { range?: readonly number[] | null } | null | undefined): Position | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const renames: KeyRename[] = [];
  const nonStringKeys: NonStringKey[] = [];
  const fail = (message: string, node: Node | null | undefined): never => {
    throw new RenderError(diagnostic(file, message, at(node) ?? { line: 1, column: 1 }));
  };
  const unsupported = unsupportedKey(doc);
  if (unsupported) fail(unsupported.message, unsupported.node);

  const check = (node: Node | null | undefined, type: FieldType, where: string, path: (string | number)[]): void => {
    // Aliases come only from the package's own Documents (the block-subset composer leaves them to it).
    if (isAlias(node)) return check(isDocument(doc) ? (node.resolve(doc) as Node | undefined) : undefined, type, where, path);
    if (!node || scalarType(node) === 'null') return; // null decodes to the zero value
    if (type === 'anyMap') {
      if (!isMap(node)) fail(`${where} must be a mapping, not ${describe(node)}`, node);
      return;
    }
    if (type === 'string' || type === 'bool' || type === 'int') {
      const got = scalarType(node);
      if (got === 'null') return;
      if (got === type || (type === 'int' && got === 'int')) return;
      const hint = isScalar(node) && node.type === 'PLAIN' && type === 'string' && got !== undefined ? ` — unquoted ${node.source} is ${describe(node)} to kubectl's YAML 1.1 reader; quote it: "${String(node.source)}"` : '';
      fail(`${where} must be ${type === 'string' ? 'a string' : type === 'bool' ? 'true or false' : 'an integer'}, not ${describe(node)}${hint}`, node);
    }
    if (typeof type !== 'object') return;
    if ('list' in type) {
      if (!isSeq(node)) return fail(`${where} must be a list, not ${describe(node)}`, node);
      node.items.forEach((item, i) => check(item as Node, type.list, `${where}[${i}]`, [...path, i]));
      return;
    }
    if (!isMap(node)) return fail(`${where} must be a mapping, not ${describe(node)}`, node);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyNode = pair.key as Node;
      if ('map' in type) {
        const keyType = type.map === 'string' ? nonStringKeyType(keyNode) : undefined;
        if (keyType) nonStringKeys.push({ key, source: String((keyNode as { source?: unknown }).source), type: keyType, at: at(keyNode) ?? { line: 1, column: 1 }, where });
        check(pair.value as Node, type.map, `${where}.${key}`, [...path, key]);
        continue;
      }
      const known = Object.keys(type.fields);
      // Go's encoding/json matches field names case-insensitively.
      const name = known.includes(key) ? key : known.find((k) => k.toLowerCase() === key.toLowerCase());
      if (name === undefined) {
        const guess = closestName(key, known);
        const inside = path.length === 0 ? 'the kustomization' : `${where} (${type.struct})`;
        fail(`unknown field "${key}" in ${inside}${guess ? `; did you mean "${guess}"?` : ''}`, keyNode);
        return;
      }
      if (name !== key) renames.push({ path, from: key, to: name });
      const fieldType = type.fields[name];
      if (fieldType) check(pair.value as Node, fieldType, path.length === 0 ? name : `${where}.${name}`, [...path, name]);
    }
  };

  check(doc.contents as Node | null, kustomizationSchema, 'kustomization', []);
  return { renames, nonStringKeys };
}

/** The scalar's Go type as kubectl reads it: quoted and block scalars are strings. */
function scalarType(node: Node): GoScalarType | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type === 'PLAIN' && typeof node.source === 'string') return plainScalarType(node.source);
  return node.value === null ? 'null' : 'string';
}

function describe(node: Node): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  const type = scalarType(node);
  return type === 'bool' ? 'a boolean' : type === 'int' ? 'a number' : type === 'float' ? 'a decimal number' : 'a string';
}
