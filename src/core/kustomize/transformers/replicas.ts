import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { nameOf, type Resource } from '../resource';
import { listField } from '../kustomization';
import { gvkOf, gvkSelects } from '../fieldSpecs/fieldSpec';
import { layerConfig } from '../fieldSpecs/layerConfig';
import { walkFieldSpec } from '../fieldSpecs/walkFieldSpec';
import { previousIds } from '../naming/nameHistory';
import type { TransformerInput } from './pipeline';

// kustomize's ReplicaCountTransformer (v5.7.1): for every spec of the `replicas` table
// (builtin workload kinds plus `configurations`), the resources of a selected kind whose
// current or any earlier name is the entry's name get the count, created when missing.

export async function transformReplicas({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const entries = listField(k, 'replicas');
  if (entries.length === 0) return;
  const specs = (await layerConfig(ctx, k)).replicas;
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (!isRecord(entry) || typeof entry['name'] !== 'string') throw new RenderError(diagnostic(k.file, 'a replicas entry needs a name', at));
    const name = entry['name'];
    const count = entry['count'];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new RenderError(diagnostic(k.file, 'replicas count must be a non-negative integer', k.at(entry, 'count')));
    }
    const write = { ...k.at(entry, 'count'), operation: 'replicas' };
    const onError = (message: string): never => {
      throw new RenderError(diagnostic(k.file, `replicas transformation failed: ${message}`, at));
    };
    let found = false;
    for (const spec of specs) {
      for (const r of resources) {
        if (!gvkSelects(spec, gvkOf(r.object)) || !hasName(r, name)) continue;
        found = true;
        walkFieldSpec(r.object, spec, { createKind: 'scalar', onError }, (parent, key) => {
          parent[key] = count;
          ctx.provenance.record(parent, key, write);
        });
      }
    }
    if (!found) {
      throw new RenderError(diagnostic(k.file, `no ${kindList(specs.map((s) => s.kind ?? 'resource'))} named '${name}' for replicas`, at));
    }
  }
}

/** GetMatchingResourcesByAnyId: the current name or any name the resource had before. */
function hasName(r: Resource, name: string): boolean {
  return nameOf(r) === name || r.originalName === name || previousIds(r).some((id) => id.name === name);
}

/** `Deployment, ReplicaSet or StatefulSet`. */
function kindList(kinds: readonly string[]): string {
  const unique = [...new Set(kinds)];
  const last = unique.pop() ?? 'resource';
  return unique.length === 0 ? last : `${unique.join(', ')} or ${last}`;
}
