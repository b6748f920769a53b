import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { kindOf, nameOf } from '../resource';
import { listField } from '../kustomization';
import type { TransformerInput } from './pipeline';

const scalableKinds = new Set(['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

export function transformReplicas({ ctx, kustomization: k, resources }: TransformerInput): void {
  const entries = listField(k, 'replicas');
  for (const entry of entries) {
    const at = k.at(entries, entries.indexOf(entry));
    if (!isRecord(entry) || typeof entry['name'] !== 'string') throw new RenderError(diagnostic(k.file, 'a replicas entry needs a name', at));
    const count = entry['count'];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new RenderError(diagnostic(k.file, 'replicas count must be a non-negative integer', k.at(entry, 'count')));
    }
    const targets = resources.filter((r) => scalableKinds.has(kindOf(r)) && (nameOf(r) === entry['name'] || r.originalName === entry['name']));
    if (targets.length === 0) {
      throw new RenderError(diagnostic(k.file, `no Deployment, ReplicationController, ReplicaSet or StatefulSet named '${entry['name']}' for replicas`, at));
    }
    for (const r of targets) {
      const spec = isRecord(r.object['spec']) ? r.object['spec'] : (r.object['spec'] = {});
      spec['replicas'] = count;
      ctx.provenance.record(spec, 'replicas', { ...k.at(entry, 'count'), operation: 'replicas' });
    }
  }
}
