import type { KubeApi, ObjectRef } from '../ports';
import { err, ok, type Result } from '../result';
import { record, str } from '../repo/values';
import { automatedSyncOn } from './applicationStatus';
import { readApp } from './operationRequest';

// Turning Argo CD's auto-sync off is what `argocd app set --sync-policy none` does: remove
// spec.syncPolicy.automated. Needed before any rollback that is not a Git commit, or the
// controller re-applies Git's HEAD (with selfHeal, within seconds).

export interface AutoSyncOff {
  /** The automated policy that was removed (prune, selfHeal, …), to restore later; undefined when it was already off. */
  readonly removed?: Record<string, unknown>;
}

/** Removes spec.syncPolicy.automated, conditional on the resourceVersion read (409: nothing written). */
export async function turnOffAutoSync(kube: KubeApi, ref: ObjectRef): Promise<Result<AutoSyncOff, string>> {
  if (!kube.patch) return err('this cluster connection cannot patch objects');
  const read = await readApp(kube, ref);
  if (!read.ok) return read;
  const app = read.value;
  if (!automatedSyncOn(app)) return ok({});
  const removed = record(record(record(app['spec'])['syncPolicy'])['automated']);
  const resourceVersion = str(app.metadata['resourceVersion']);
  try {
    await kube.patch(ref, { spec: { syncPolicy: { automated: null } } }, { type: 'merge', ...(resourceVersion ? { resourceVersion } : {}) });
    return ok({ removed });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 409) return err(`the Application changed since it was read (resourceVersion ${resourceVersion ?? '?'}); auto-sync was not changed — try again`);
    return err(`cannot turn auto-sync off: ${e instanceof Error ? e.message : String(e)}`);
  }
}
