import type { Git } from '../git/gitPort';
import type { KubeObject, ObjectRef } from '../ports';
import type { Result } from '../result';
import { formatDiagnostic } from '../result';
import { identityKey, refOfObject } from '../sync/objectRef';
import { objectChanges, type ObjectChange } from '../sync/objectChanges';
import { renderAtCommit } from './appInputs';

// "What would this rollback change?": the app's rendered output at one commit against
// another, resource by resource. Secret values are masked by objectChanges.

export interface ResourceChange {
  readonly ref: ObjectRef;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** `before` is the first commit's value, `after` the second's. */
  readonly changes: readonly ObjectChange[];
}

/** Resources of `after` in its order, then those only `before` has. */
export function diffRenders(before: readonly KubeObject[], after: readonly KubeObject[]): ResourceChange[] {
  const old = new Map(before.map((o) => [identityKey(refOfObject(o)), o]));
  const out: ResourceChange[] = [];
  for (const object of after) {
    const key = identityKey(refOfObject(object));
    const previous = old.get(key);
    old.delete(key);
    const changes = objectChanges(previous, object);
    out.push({ ref: refOfObject(object), status: previous === undefined ? 'added' : changes.length > 0 ? 'changed' : 'unchanged', changes });
  }
  for (const gone of old.values()) out.push({ ref: refOfObject(gone), status: 'removed', changes: objectChanges(gone, undefined) });
  return out;
}

const objectsOf = (r: { resources: readonly { object: unknown }[] }): KubeObject[] => r.resources.map((x) => x.object as KubeObject);

export interface RenderedComparison {
  readonly from: readonly KubeObject[];
  readonly to: readonly KubeObject[];
  /** From `from` to `to`. */
  readonly changes: readonly ResourceChange[];
}

/** The app rendered at both revisions, and what changes from the first to the second. */
export async function compareCommits(git: Git, overlayDir: string, from: string, to: string): Promise<Result<RenderedComparison, string>> {
  const [a, b] = await Promise.all([renderAtCommit(git, overlayDir, from), renderAtCommit(git, overlayDir, to)]);
  for (const [revision, side] of [[from, a], [to, b]] as const) {
    if (!side.rendered.ok) return { ok: false, error: `the app does not render at ${revision}: ${side.rendered.error.map(formatDiagnostic).join('; ')}` };
  }
  if (!a.rendered.ok || !b.rendered.ok) return { ok: false, error: 'unreachable' };
  const [before, after] = [objectsOf(a.rendered.value), objectsOf(b.rendered.value)];
  return { ok: true, value: { from: before, to: after, changes: diffRenders(before, after) } };
}

/** The app's rendered output at `from` against `to` (either may be any revision). */
export async function diffCommits(git: Git, overlayDir: string, from: string, to: string): Promise<Result<ResourceChange[], string>> {
  const compared = await compareCommits(git, overlayDir, from, to);
  return compared.ok ? { ok: true, value: [...compared.value.changes] } : compared;
}
