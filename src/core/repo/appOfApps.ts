import type { FileSystem } from '../ports';
import { isWithin } from '../paths';
import type { Diagnostic } from '../result';
import type { AppModel } from './model';
import { isArgoKind, type ManifestDoc } from './manifestScan';
import { renderApp, type AppRenderOptions } from './render/renderApp';

export interface ChildManifests {
  readonly applications: ManifestDoc[];
  readonly applicationSets: ManifestDoc[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Whether an app may be an app-of-apps: one of its in-repo sources holds Argo CD manifests.
 * Rendering every app to find out would cost a full render per app during discovery.
 */
export function mayHoldApps(app: AppModel, argoManifestFiles: readonly string[]): boolean {
  return app.sources.some((s) => s.dir !== undefined && s.kind !== undefined && s.repo !== 'other' && argoManifestFiles.some((f) => isWithin(s.dir ?? '', f)));
}

/**
 * The Applications and ApplicationSets an app renders, as Argo CD would create them: after
 * its kustomize transformations, not as the files read. A parent that fails to render
 * yields no children and a diagnostic.
 */
export async function renderedChildren(fs: FileSystem, app: AppModel, options: AppRenderOptions): Promise<ChildManifests> {
  const rendered = await renderApp(fs, app, options);
  const applications: ManifestDoc[] = [];
  const applicationSets: ManifestDoc[] = [];
  for (const { object, origin } of rendered.objects) {
    const doc = { file: origin.file, object, location: origin };
    if (isArgoKind(object, 'Application')) applications.push(doc);
    else if (isArgoKind(object, 'ApplicationSet')) applicationSets.push(doc);
  }
  const diagnostics = rendered.status === 'error' ? [...rendered.diagnostics] : [];
  return { applications, applicationSets, diagnostics };
}
