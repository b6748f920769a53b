// The diff of an overlay an Application deploys ignores what the Application ignores
// (spec.ignoreDifferences), besides the global driftline.ignoreDifferences setting: the CLI's
// `driftline diff <app>` does the same, through the same parser.
import { ignoreRulesFrom } from '../../core/diff/ignoreRulesFrom';
import type { IgnoreRule } from '../../core/diff/ignoreRules';
import type { AppModel } from '../../core/repo/model';

/** Parsed once per app model (every rediff asks). */
const parsed = new WeakMap<AppModel, readonly IgnoreRule[]>();

export function ignoreRulesWith(global: readonly IgnoreRule[], app: AppModel | undefined): readonly IgnoreRule[] {
  if (!app || app.ignoreDifferences.length === 0) return global;
  let own = parsed.get(app);
  if (!own) parsed.set(app, (own = ignoreRulesFrom(app.ignoreDifferences)));
  return [...global, ...own];
}
