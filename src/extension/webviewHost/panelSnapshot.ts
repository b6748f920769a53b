import * as vscode from 'vscode';
import { refOf } from '../../core/diff/diffRendered';
import type { ResourceDiff } from '../../core/diff/types';
import type { ObjectRef } from '../../core/ports';
import { displayPair } from '../../core/present/manifestView';
import type { PanelSnapshot, ResourceRow } from '../../shared/diffPanelProtocol';
import type { DriftController, OverlayState } from '../driftController';
import { refOfDiff, sameRef } from '../resourceRef';
import { resourceKey } from '../../shared/resourceKey';

export { resourceKey };

/** The overlay's resource with this key, if the last diff still lists it. */
export function refForKey(overlay: OverlayState | undefined, key: string): ObjectRef | undefined {
  const diff = overlay?.diffs.find((d) => resourceKey(refOfDiff(d)) === key);
  return diff ? refOfDiff(diff) : undefined;
}

function row(d: ResourceDiff): ResourceRow {
  return {
    key: resourceKey(refOfDiff(d)),
    kind: d.kind,
    namespace: d.namespace,
    name: d.name,
    status: d.status,
    health: d.health ? { status: d.health.status, message: d.health.message } : undefined,
    changedPaths: d.changes.map((c) => c.path),
  };
}

export function panelSnapshot(drift: DriftController, dir: string): PanelSnapshot {
  const overlay = drift.overlay(dir);
  // Drifted first, then as rendered: the list opens on what needs attention.
  const diffs = [...(overlay?.diffs ?? [])].sort((a, b) => Number(a.status === 'Synced') - Number(b.status === 'Synced'));
  return {
    title: vscode.workspace.asRelativePath(dir),
    context: drift.connection.kind === 'connected' ? drift.connection.context : undefined,
    stale: drift.stale,
    resources: diffs.map(row),
    errors: overlay ? overlay.errors.map((e) => `${vscode.workspace.asRelativePath(e.file)}${e.line > 0 ? `:${e.line}:${e.column}` : ''}: ${e.message}`) : [`Not rendered yet: ${vscode.workspace.asRelativePath(dir)} is still loading, or is no longer a deployable kustomization.`],
  };
}

/** Desired and live YAML for the panel's Monaco diff: normalised, Secrets masked (as the native diff). */
export async function diffTexts(drift: DriftController, dir: string, ref: ObjectRef): Promise<{ desired: string; live: string }> {
  const desired = drift.overlay(dir)?.rendered?.resources.find((r) => sameRef(refOf(r), ref))?.object;
  const live = (await drift.liveObject(ref)) as Record<string, unknown> | undefined;
  return displayPair(desired, live);
}
