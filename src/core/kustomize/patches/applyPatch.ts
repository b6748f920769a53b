import { isRecord } from '../../fieldPath';
import type { SourceLocation } from '../../provenance';
import { printableKeyCheck } from '../validation/printableKeys';
import { checkDecodable } from '../replacements/undecodable';
import { checkNoDuplicateKeys } from './duplicateKeyMarks';
import { RenderError, diagnostic } from '../../result';
import { formatResourceId, resourceId, type Resource } from '../resource';
import type { BuildContext } from '../loader';
import { applyStrategicMerge, type PatchOptions } from './applyStrategicMerge';
import type { StrategicPatch } from './classifyPatch';
import { applyJsonPatch, JsonPatchError } from './jsonPatch';
import { MergeError } from './mergeError';
import { noteRenamed, storePreviousId } from '../naming/nameHistory';
import { patchId, resourcesWithId } from './patchIdMatch';
import { trackedClone } from './trackedClone';
import { forgetShared } from '../sharedValues';
import { annotationsThroughJson, restyleFromJson } from './scalarStyle';

// Applying one parsed patch to resources, with errors located in the patch.

export const noOptions: PatchOptions = { allowNameChange: false, allowKindChange: false };

/** Patches each of `targets` (a fresh copy per target); removes those the patch deletes. */
export function applyStrategicTo(ctx: BuildContext, resources: Resource[], targets: readonly Resource[], patch: StrategicPatch, options: PatchOptions): void {
  for (const r of targets) {
    const copy = trackedClone(patch.value, ctx.provenance, ctx.provenance);
    const mayRename = options.allowNameChange || options.allowKindChange;
    // kustomize stores the id first, so name references to the old name follow a rename.
    if (mayRename) storePreviousId(r);
    let kept: boolean;
    try {
      kept = applyStrategicMerge(ctx.provenance, r, copy, options);
    } catch (e) {
      if (!(e instanceof MergeError)) throw e;
      const at = locateIn(ctx, patch.value, e.path) ?? patch.location;
      throw new RenderError(diagnostic(at.file, `cannot apply the patch to ${formatResourceId(resourceId(r))}: ${e.reason}`, at));
    }
    if (!kept) resources.splice(resources.indexOf(r), 1);
    else if (mayRename) noteRenamed(r);
  }
}

/** The one resource a patch without target names by its id. */
export function resourceForPatch(resources: readonly Resource[], patch: StrategicPatch): Resource {
  const id = patchId(patch.value);
  const found = resourcesWithId(resources, id);
  const { file } = patch.location;
  if (found.length === 0) {
    // The usual slip: a patch without metadata.namespace for a resource that has one.
    const elsewhere = resources.find((r) => resourcesWithId([r], { ...id, namespace: resourceId(r).namespace }).length > 0);
    const hint = elsewhere ? `; ${formatResourceId(resourceId(elsewhere))} differs only in namespace` : '';
    throw new RenderError(diagnostic(file, `no resource matches strategic merge patch "${formatResourceId(id)}"${hint}`, patch.location));
  }
  if (found.length > 1) throw new RenderError(diagnostic(file, `more than one resource matches strategic merge patch "${formatResourceId(id)}"`, patch.location));
  return found[0] as Resource;
}

/**
 * `storesPreviousId`: the `patches` transformer records each target's id first, so that
 * references follow a rename (by these operations or a later replacement); the deprecated
 * `patchesJson6902` does not, and references keep the old name (kubectl-verified).
 */
export function applyJsonTo(ctx: BuildContext, targets: readonly Resource[], operations: readonly unknown[], fallback: SourceLocation, storesPreviousId = true): void {
  // kubectl applies the operations to the resource as JSON, so it fails as printing would on a non-string key.
  const printable = printableKeyCheck([], ctx.provenance);
  for (const r of targets) {
    printable?.(r);
    checkDecodable(ctx.provenance, [r]);
    checkNoDuplicateKeys(ctx.provenance, [r]);
    if (storesPreviousId) storePreviousId(r);
    try {
      annotationsThroughJson(ctx.provenance, r.object);
      applyJsonPatch(ctx.provenance, r.object, operations);
      forgetShared(r.object);
      restyleFromJson(ctx.provenance, r.object);
      // The JSON round trip writes the typed apiVersion field even when the object had none (kubectl-verified).
      if (!Object.hasOwn(r.object, 'apiVersion')) r.object['apiVersion'] = null;
    } catch (e) {
      if (!(e instanceof JsonPatchError)) throw e;
      const at = (isRecord(e.operation) ? ctx.provenance.of(e.operation, e.field)[0] : undefined) ?? fallback;
      throw new RenderError(diagnostic(at.file, `cannot apply the JSON patch to ${formatResourceId(resourceId(r))}: ${e.message}`, at));
    }
    noteRenamed(r);
  }
}

/** The deepest key of `path` that the patch writes, where an error there points. */
function locateIn(ctx: BuildContext, patch: unknown, path: readonly string[]): SourceLocation | undefined {
  let node = patch;
  let found: SourceLocation | undefined;
  for (const key of path) {
    if (!isRecord(node) || !(key in node)) break;
    found = ctx.provenance.of(node, key)[0] ?? found;
    node = node[key];
  }
  return found;
}
