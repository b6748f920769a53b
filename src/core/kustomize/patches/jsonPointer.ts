import { isRecord } from '../../fieldPath';

// JSON pointers (RFC 6901) resolved the way evanphx/json-patch v4 does, which
// kustomize uses: `~1` → `/` then `~0` → `~`, array indices may be negative
// (counted from the end), `-` appends.

export type Container = Record<string, unknown> | unknown[];

/** The container holding a pointer's last token, and where that container sits. */
export interface PointerTarget {
  readonly container: Container;
  readonly key: string;
  /** The container's own parent and key; undefined for the document root. */
  readonly holder?: { readonly parent: Container; readonly key: string | number };
}

export function parsePointer(pointer: string): string[] | undefined {
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Go's strconv.Atoi, then negative indices from the end; undefined when out of range. */
export function arrayIndex(token: string, length: number): number | undefined {
  if (!/^[+-]?\d+$/.test(token)) return undefined;
  let index = Number(token);
  if (index < 0) {
    if (index < -length) return undefined;
    index += length;
  }
  return index < length ? index : undefined;
}

/** Follows every token but the last; undefined when a step is missing or not a container. */
export function findParent(root: Container, tokens: readonly string[]): PointerTarget | undefined {
  let node: Container = root;
  let holder: PointerTarget['holder'];
  for (const token of tokens.slice(0, -1)) {
    const step: string | number | undefined = Array.isArray(node) ? arrayIndex(token, node.length) : Object.hasOwn(node, token) ? token : undefined;
    if (step === undefined) return undefined;
    const next: unknown = Array.isArray(node) ? node[step as number] : node[step];
    if (!Array.isArray(next) && !isRecord(next)) return undefined;
    holder = { parent: node, key: step };
    node = next;
  }
  const key = tokens[tokens.length - 1];
  return key === undefined ? undefined : { container: node, key, holder };
}
