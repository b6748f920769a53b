// The context guard: an app is synced only to the cluster its Application names. Pure, so
// every refusal is unit-tested; the editor turns a refusal into a message with a way out.
import type { AppModel } from '../../core/repo/model';

export type GuardVerdict =
  | { readonly kind: 'allowed'; readonly app: AppModel | undefined }
  | { readonly kind: 'wrongContext'; readonly app: AppModel; readonly context: string; readonly message: string }
  | { readonly kind: 'noContext'; readonly app: AppModel; readonly message: string };

/**
 * Of the apps rendering the overlay (`candidates`; several when one overlay deploys to many
 * clusters), the one deploying to `current` is allowed. An overlay no Application names has
 * no destination of its own and goes to the current context, as before Argo CD was known.
 */
export function guardSync(candidates: readonly AppModel[], current: string): GuardVerdict {
  if (candidates.length === 0) return { kind: 'allowed', app: undefined };
  const here = candidates.find((a) => a.context === current);
  if (here) return { kind: 'allowed', app: here };
  const resolved = candidates.find((a) => a.context !== undefined);
  if (resolved?.context) {
    const others = candidates.length > 1 ? ` (its apps deploy to ${[...new Set(candidates.map((a) => a.context ?? 'no context'))].join(', ')})` : '';
    return {
      kind: 'wrongContext',
      app: resolved,
      context: resolved.context,
      message: `${resolved.name} deploys to context "${resolved.context}", but Driftline is connected to "${current}"${others}. Nothing was applied.`,
    };
  }
  const app = candidates[0] as AppModel;
  const destination = app.destination.server ?? app.destination.name ?? 'no destination';
  return {
    kind: 'noContext',
    app,
    message: `${app.name} deploys to ${destination}, which resolves to no kubeconfig context: ${app.contextNote ?? 'unknown cluster'}. Map it in the setting driftline.contextMappings. Nothing was applied.`,
  };
}
