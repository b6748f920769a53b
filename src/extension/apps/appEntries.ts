// What the Apps view lists, without VS Code: every Argo CD app of the repo model, plus every
// rendered overlay that no Application names (repos without Argo CD keep their Apps view).
// Pure, so the grouping and naming rules are unit-tested.
import type { AppModel } from '../../core/repo/model';
import { appNameOf } from '../appName';
import { environmentOf } from '../views/environment';
import { isRefOnlySource } from '../../core/repo/refOnlySource';

export type GroupBy = 'environment' | 'cluster';

export interface AppEntry {
  readonly name: string;
  /** The directory the editor renders for it (the app's first in-repo source), if any. */
  readonly dir: string | undefined;
  /** The Argo CD app; undefined for an overlay no Application names. */
  readonly app: AppModel | undefined;
  readonly environment: string;
  /** Where it deploys: the resolved context, else the destination as written. */
  readonly cluster: string;
}

export interface AppGroup {
  readonly name: string;
  readonly entries: readonly AppEntry[];
}

/** The directory an app renders in the editor: its first source in this repository that is not a `ref`. */
export function renderedDirOf(app: AppModel): string | undefined {
  return app.sources.find((s) => s.dir && !isRefOnlySource(s))?.dir;
}

/** Apps whose sources render `dir` (an overlay can be deployed by several apps, e.g. to two clusters). */
export function appsRendering(apps: readonly AppModel[], dir: string): AppModel[] {
  return apps.filter((a) => a.sources.some((s) => s.dir === dir && !isRefOnlySource(s)));
}

export function clusterOf(app: AppModel): string {
  return app.context ?? app.destination.name ?? app.destination.server ?? 'no destination';
}

/**
 * One entry per app, then one per overlay no app renders. `relative` turns a directory into
 * the workspace-relative path that names plain overlays; `currentContext` is where plain
 * overlays are compared (they name no cluster of their own).
 */
export function appEntries(apps: readonly AppModel[], overlayDirs: readonly string[], relative: (dir: string) => string, currentContext: string | undefined): AppEntry[] {
  const entries: AppEntry[] = apps.map((app) => ({
    name: app.name,
    dir: renderedDirOf(app),
    app,
    environment: app.environment ?? environmentOf(relative(renderedDirOf(app) ?? '')),
    cluster: clusterOf(app),
  }));
  const named = new Set(apps.flatMap((a) => a.sources.map((s) => s.dir)));
  for (const dir of overlayDirs) {
    if (named.has(dir)) continue;
    const rel = relative(dir);
    entries.push({ name: appNameOf(rel), dir, app: undefined, environment: environmentOf(rel), cluster: currentContext ?? 'current context' });
  }
  return entries;
}

/** Groups sorted by name, entries by name inside each. */
export function groupEntries(entries: readonly AppEntry[], by: GroupBy): AppGroup[] {
  const groups = new Map<string, AppEntry[]>();
  for (const e of entries) {
    const key = by === 'environment' ? e.environment : e.cluster;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => ({ name, entries: [...list].sort((a, b) => a.name.localeCompare(b.name)) }));
}
