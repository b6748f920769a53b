import { isRecord } from '../../fieldPath';
import type { FieldWrite, Provenance } from '../../provenance';
import { RenderError, diagnostic } from '../../result';
import type { Kustomization } from '../kustomization';
import type { Resource } from '../resource';
import type { NonStringKey } from './validateKustomization';

/**
 * kubectl fails to print a resource holding a nested mapping key that reads as no string: one
 * written unquoted in a resource (yaml/goyamlV3KeyType.ts), or a label or annotation key of a
 * kustomization that its YAML 1.1 reader types (mapKeys.ts). Found through the provenance of
 * the output, which records where each key was written; a render with neither skips the walk.
 */
export function checkPrintableKeys(layers: readonly (Kustomization | undefined)[], resources: readonly Resource[], provenance: Provenance): void {
  const check = printableKeyCheck(layers, provenance);
  if (check) for (const resource of resources) check(resource);
}

/**
 * The check for one resource, or undefined when nothing can fail it. kubectl meets such a key
 * wherever it turns a resource into JSON: when printing, and before a JSON 6902 patch.
 */
export function printableKeyCheck(layers: readonly (Kustomization | undefined)[], provenance: Provenance): ((resource: Resource) => void) | undefined {
  const layerKeys = new Map<string, { readonly layer: Kustomization; readonly key: NonStringKey }>();
  for (const layer of layers) for (const key of layer?.nonStringKeys ?? []) layerKeys.set(`${layer?.file}:${key.at.line}:${key.at.column}`, { layer: layer as Kustomization, key });
  if (!provenance.hasNonStringKeys && layerKeys.size === 0) return undefined;
  return (resource) => {
    const name = `${String(resource.object['kind'])} ${String((resource.object['metadata'] as { name?: unknown } | undefined)?.name)}`;
    walk(resource.object, true, provenance, (key, w) => {
      if (w.nonStringKey) {
        const { type, text } = w.nonStringKey;
        throw new RenderError(diagnostic(w.file, `the key ${text} reads as ${described(type)}, not a string, and kubectl cannot turn ${name} into JSON with it (only top-level keys may be so); quote it: "${text}"`, w));
      }
      const written = layerKeys.get(`${w.file}:${w.line}:${w.column}`);
      if (written && written.key.key === key) {
        const { key: k, layer } = written;
        throw new RenderError(diagnostic(layer.file, `${k.where} key ${k.source} is ${described(k.type)} to kubectl's YAML 1.1 reader, not a string, so kubectl fails to print ${name}; quote it: "${k.source}"`, k.at));
      }
    });
  };
}

function walk(value: unknown, root: boolean, provenance: Provenance, check: (key: string, w: FieldWrite) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, false, provenance, check);
    return;
  }
  if (!isRecord(value)) return;
  for (const key of Object.keys(value)) {
    if (!root) for (const w of provenance.of(value, key)) check(key, w);
    walk(value[key], false, provenance, check);
  }
}

/** "an integer", "a boolean", "null". */
function described(type: string): string {
  return type === 'null' ? type : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
