import type { Provenance } from '../../provenance';
import { RenderError, diagnostic } from '../../result';
import { formatResourceId, resourceId, type Resource } from '../resource';

/**
 * kustomize builds the final resource map from the root's resources once its transformers
 * have run (IgnoreLocal → FromResourceSlice), and stops on two with the same id (a panic in
 * kubectl v1.35: "may not add resource with an already registered id"). Only a rename can get
 * there, such as two replacements writing one name. Located at the write that renamed the later one.
 */
export function checkUniqueIds(resources: readonly Resource[], provenance: Provenance, rootFile: string): void {
  const seen = new Set<string>();
  for (const r of resources) {
    const id = resourceId(r);
    const key = [id.group, id.version, id.kind, id.name, id.namespace ?? 'default'].join('\u0000');
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    // The rename that caused it, rather than the line the resource was loaded from.
    const writes = [provenance.of(r.object.metadata, 'name')[0], provenance.of(r.object.metadata, 'namespace')[0]];
    const named = writes.find((w) => w !== undefined && w.operation !== 'resource') ?? writes[0];
    throw new RenderError(diagnostic(named?.file ?? rootFile, `two resources end up as ${formatResourceId(id)}: kubectl stops here ("may not add resource with an already registered id"); give them different names`, named ?? { line: 1, column: 1 }));
  }
}
