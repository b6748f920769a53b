// Several Applications can deploy one overlay (to two clusters, or with different kustomize
// options). The editor renders and compares the directory once, as one of them: the one that
// deploys to the connected context, else the first by name. Never discovery order, so the
// choice is the same on every run. Pure, unit-tested.
import type { AppModel } from '../../core/repo/model';
import { appRenderSettings } from './deployedRender';

export interface AppChoice {
  readonly app: AppModel | undefined;
  /** Set when the apps render or compare `dir` differently: which one the editor follows, for the log. */
  readonly note?: string;
}

function qualified(app: AppModel): string {
  return app.namespace ? `${app.namespace}/${app.name}` : app.name;
}

export function chooseApp(apps: readonly AppModel[], dir: string, context: string | undefined): AppChoice {
  const sorted = [...apps].sort((a, b) => qualified(a).localeCompare(qualified(b)));
  const app = sorted.find((a) => context !== undefined && a.context === context) ?? sorted[0];
  if (!app || sorted.length === 1 || new Set(sorted.map((a) => appRenderSettings(a, dir))).size === 1) return { app };
  const why = app.context !== undefined && app.context === context ? `it deploys to the connected context ${context}` : 'the first by name';
  return { app, note: `${sorted.length} Applications deploy ${dir} with different kustomize options or ignoreDifferences (${sorted.map(qualified).join(', ')}); the editor renders and compares it as ${qualified(app)} (${why}).` };
}
