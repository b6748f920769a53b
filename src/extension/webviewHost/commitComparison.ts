import type { KubeObject } from '../../core/ports';
import { emitDocument } from '../../core/yaml/emit';
import { forDisplay } from '../../core/present/manifestView';
import type { ResourceChange } from '../../core/rollback/renderedDiff';
import { identityKey, refOfObject } from '../../core/sync/objectRef';
import type { PanelSnapshot, ResourceRow, RowStatus } from '../../shared/diffPanelProtocol';
import { resourceKey } from '../../shared/resourceKey';

// What the diff panel shows when it compares two renders of one app: the rows and, for
// the selected resource, both sides' YAML. Plain data, so it is tested without VS Code.

export interface RenderSide {
  /** How the side is named in the title and the diff header, e.g. `HEAD (1a2b3c4)`. */
  readonly label: string;
  readonly objects: readonly KubeObject[];
}

export interface CommitComparison {
  /** The app, as the header names it. */
  readonly app: string;
  readonly left: RenderSide;
  readonly right: RenderSide;
  /** From left to right (diffRenders(left, right)). */
  readonly changes: readonly ResourceChange[];
}

const statusOf: Readonly<Record<ResourceChange['status'], RowStatus>> = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' };

export function comparisonSnapshot(comparison: CommitComparison): PanelSnapshot {
  // Changed first, then as rendered: the list opens on what the move would do.
  const rows: ResourceRow[] = comparison.changes.map((c) => ({
    key: resourceKey(c.ref),
    kind: c.ref.kind,
    namespace: c.ref.namespace,
    name: c.ref.name,
    status: statusOf[c.status],
    health: undefined,
    changedPaths: c.changes.map((x) => x.path),
  }));
  return {
    title: comparison.app,
    context: undefined,
    stale: false,
    resources: rows.sort((a, b) => Number(a.status === 'Unchanged') - Number(b.status === 'Unchanged')),
    errors: [],
    compare: { left: comparison.left.label, right: comparison.right.label },
  };
}

/** Both sides' YAML for one resource: server bookkeeping dropped, Secret values masked (a changed value gets the longer mask). */
export function comparisonTexts(comparison: CommitComparison, key: string): { left: string; right: string } | undefined {
  const change = comparison.changes.find((c) => resourceKey(c.ref) === key);
  if (!change) return undefined;
  const find = (side: RenderSide): KubeObject | undefined => side.objects.find((o) => identityKey(refOfObject(o)) === identityKey(change.ref));
  const left = find(comparison.left) as Record<string, unknown> | undefined;
  const right = find(comparison.right) as Record<string, unknown> | undefined;
  return {
    left: left ? emitDocument(forDisplay(left, undefined, 'desired')) : '',
    right: right ? emitDocument(forDisplay(right, left, 'live')) : '',
  };
}

