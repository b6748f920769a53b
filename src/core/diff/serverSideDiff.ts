import { isRecord } from '../fieldPath';
import type { KubeApi, KubeObject } from '../ports';
import type { RenderResult } from '../kustomize/render';
import { splitApiVersion, type Resource } from '../kustomize/resource';
import { fieldManager, withTracking } from '../sync/applyRendered';
import { isBuiltinGroup } from './builtinGroups';
import { listKindOf, mapItemKey } from './listKeys';
import type { LiveSource } from './diffRendered';

/**
 * Server-side diff, for clusters whose mutating webhooks rewrite objects: each
 * desired object is dry-run applied, and the server's answer (webhooks and
 * defaulting included) becomes the expected value of every field Git sets.
 * Provenance is kept, so changes still point at the line that set them.
 */
/**
 * Remembers the server's predictions by desired object, so the editor re-asks only
 * for objects that changed (a keystroke must not cost a dry-run per resource).
 */
export class PredictionCache {
  private readonly byObject = new Map<string, KubeObject>();

  async predict(kube: KubeApi, object: KubeObject): Promise<KubeObject> {
    const key = JSON.stringify(object);
    const cached = this.byObject.get(key);
    if (cached) return cached;
    const predicted = await kube.apply(object, { fieldManager, force: true, dryRun: true });
    if (this.byObject.size > 2000) this.byObject.clear();
    this.byObject.set(key, predicted);
    return predicted;
  }
}

export async function predictDesired(rendered: RenderResult, kube: KubeApi, trackingId: string, live: LiveSource, cache?: PredictionCache): Promise<RenderResult> {
  const resources: Resource[] = [];
  for (const r of rendered.resources) {
    const object = r.object as unknown as KubeObject;
    const exists = (await live.get({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace })) !== undefined;
    // A dry-run create of a missing object predicts nothing useful about drift: it is simply Missing.
    if (!exists) {
      resources.push(r);
      continue;
    }
    const tracked = withTracking(object, trackingId);
    const predicted = cache ? await cache.predict(kube, tracked) : await kube.apply(tracked, { fieldManager, force: true, dryRun: true });
    const copy = rendered.provenance.cloneTracked(r.object);
    overlay(copy, predicted, undefined, isBuiltinGroup(splitApiVersion(object.apiVersion).group));
    resources.push({ ...r, object: copy });
  }
  return { ...rendered, resources };
}

/** Replaces every value `target` sets with the predicted one at the same place (list items matched as compare matches them). */
function overlay(target: unknown, predicted: unknown, field: string | undefined, builtin: boolean): void {
  if (Array.isArray(target) && Array.isArray(predicted)) {
    const kind = listKindOf(field, builtin);
    // Sets and atomic lists are the server's answer as a whole.
    if (kind?.type !== 'map') {
      if (target.every((item) => !isRecord(item))) target.splice(0, target.length, ...predicted);
      else target.forEach((item, index) => overlay(item, predicted[index], undefined, builtin));
      return;
    }
    target.forEach((item, index) => {
      const key = mapItemKey(kind, item);
      const match = key === undefined ? predicted[index] : predicted.find((p) => mapItemKey(kind, p) === key);
      if (match !== undefined) overlay(item, match, undefined, builtin);
    });
    return;
  }
  if (!isRecord(target) || !isRecord(predicted)) return;
  for (const [key, value] of Object.entries(target)) {
    if (!(key in predicted)) continue;
    if (isRecord(value) || Array.isArray(value)) overlay(value, predicted[key], key, builtin);
    else if (value !== null) target[key] = predicted[key];
  }
}
