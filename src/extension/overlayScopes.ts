// Which cluster scopes (one list+watch per apiVersion, kind and namespace) the rendered overlays
// use: the drift controller re-diffs only overlays in a changed scope, and releases the scopes
// no overlay uses any more so the cluster cache holds nothing for closed things.
import { scopeId, type Scope } from '../core/cluster/connectionState';
import type { Resource } from '../core/kustomize/resource';
import type { OverlayState } from './driftController';

/** The list+watch a rendered object's live counterpart comes from. */
function scopeOf(r: Resource): Scope {
  const namespace = r.object.metadata['namespace'];
  return { apiVersion: String(r.object['apiVersion']), kind: String(r.object['kind']), ...(typeof namespace === 'string' ? { namespace } : {}) };
}

export function renderedScopes(overlays: Iterable<OverlayState>): Scope[] {
  const scopes = new Map<string, Scope>();
  for (const overlay of overlays) {
    for (const r of overlay.rendered?.resources ?? []) {
      // The id straight from the object (scopeId's format): thousands of resources share a few hundred scopes.
      const namespace = r.object.metadata['namespace'];
      const id = `${String(r.object['apiVersion'])}|${String(r.object['kind'])}|${typeof namespace === 'string' ? namespace : ''}`;
      if (!scopes.has(id)) scopes.set(id, scopeOf(r));
    }
  }
  return [...scopes.values()];
}

/** Overlays rendering anything in one of `scopes` (ids): the same kind and namespace also covers objects that became Extra. */
export function overlaysInScopes(overlays: Iterable<OverlayState>, scopes: ReadonlySet<string>): Set<string> {
  const dirs = new Set<string>();
  for (const overlay of overlays) {
    if (overlay.rendered?.resources.some((r) => scopes.has(scopeId(scopeOf(r))))) dirs.add(overlay.dir);
  }
  return dirs;
}
