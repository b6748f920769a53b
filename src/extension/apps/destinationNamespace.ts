// Argo CD puts namespaced objects that name no namespace into the Application's destination
// namespace when it applies them (as the core's renderApp does for the CLI). The editor renders
// overlay directories, so it does the same for an overlay an Application deploys: otherwise such
// objects would be compared with (and synced to) the wrong namespace. Pure, unit-tested.
import type { RenderResult } from '../../core/kustomize/render';
import { isClusterScoped } from '../../core/kustomize/naming/clusterScope';
import { splitApiVersion } from '../../core/kustomize/resource';
import type { AppModel } from '../../core/repo/model';

function lacksNamespace(object: Record<string, unknown>): boolean {
  const metadata = object['metadata'] as Record<string, unknown> | undefined;
  return metadata?.['namespace'] === undefined && !isClusterScoped({ group: splitApiVersion(String(object['apiVersion'])).group, kind: String(object['kind']) });
}

/** Whether `app` would put some of these objects into its destination namespace (and has not yet). */
export function needsDestinationNamespace(rendered: RenderResult, app: Pick<AppModel, 'destination'>): boolean {
  return app.destination.namespace !== undefined && rendered.resources.some((r) => lacksNamespace(r.object));
}

export function withDestinationNamespace(rendered: RenderResult, app: Pick<AppModel, 'destination' | 'location'>): RenderResult {
  const namespace = app.destination.namespace;
  if (!namespace || !needsDestinationNamespace(rendered, app)) return rendered;
  const needs = lacksNamespace;
  const resources = rendered.resources.map((r) => {
    if (!needs(r.object)) return r;
    // A copy: the renderer may keep (and reuse) its result; the copy keeps every field's origin.
    const object = rendered.provenance.cloneTracked(r.object);
    object.metadata['namespace'] = namespace;
    rendered.provenance.record(object.metadata, 'namespace', { file: app.location.file, line: app.location.line, column: app.location.column, operation: 'destination.namespace' });
    return { ...r, object };
  });
  return { ...rendered, resources };
}
