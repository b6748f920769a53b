import * as vscode from 'vscode';
import type { RenderResult } from '../core/kustomize/render';
import { kustomizationFileNames } from '../core/kustomize/kustomization';
import { diffRendered } from '../core/diff/diffRendered';
import { PredictionCache, predictDesired } from '../core/diff/serverSideDiff';
import { appNameOf } from './appName';
import type { FieldChange, ResourceDiff } from '../core/diff/types';
import type { ClusterStatus } from '../core/cluster/connectionState';
import type { Diagnostic } from '../core/result';
import type { KubeObject, Logger, ObjectRef } from '../core/ports';
import type { KubeClient } from '../node/kubeClient';
import { ClusterConnection, type ConnectionState } from './clusterConnection';
import { DiffScheduler } from './diffScheduler';
import { overlaysInScopes, renderedScopes } from './overlayScopes';
import { RenderThrottle } from './renderThrottle';
import { readSettings } from './settings';
import { ignoreRulesFor, renderDeployed, withConfiguredRenderer } from './renderPath';
import type { RenderClient, RenderedOverlay } from './worker/renderClient';

export type { ConnectionState } from './clusterConnection';

/** One deployable kustomization and what Driftline knows about it. */
export interface OverlayState {
  readonly dir: string;
  readonly rendered: RenderResult | undefined;
  readonly errors: readonly Diagnostic[];
  /** Every path the last render read: editing any of them re-renders this overlay. */
  readonly inputs: ReadonlySet<string>;
  readonly diffs: readonly ResourceDiff[];
  /** What Driftline writes on the objects it syncs for this overlay (its path in the repository). */
  readonly trackingId: string;
}

export interface DriftedField {
  readonly overlay: OverlayState;
  readonly resource: ResourceDiff;
  readonly change: FieldChange;
}

/** Waits for the next macrotask: what lets the editor's requests to this host through between two pieces of work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Keeps rendered overlays, the live cache and their diffs current: re-renders on edits (unsaved
 * buffers included, throttled) and re-diffs on cluster events. Discovery and rendering run in the
 * render worker (worker/renderClient.ts); this thread only diffs, one overlay per task.
 */
export class DriftController implements vscode.Disposable {
  private readonly overlays = new Map<string, OverlayState>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly throttle = new RenderThrottle((dir) => void this.renderOverlay(dir, true).then(() => this.rediff(new Set([dir]))));
  private readonly diffs = new DiffScheduler((scopes) => void this.rediff(scopes && overlaysInScopes(this.overlays.values(), scopes)));
  private readonly cluster: ClusterConnection;
  private started: Promise<void> | undefined;
  private generation = 0;
  /** Server-side diff's dry-run answers, reused while the desired object is unchanged. */
  private readonly predictions = new PredictionCache();
  /** The worker's last render per overlay, before renderPath.ts may have replaced it. */
  private readonly inProcess = new Map<string, RenderedOverlay>();
  private readonly driftIndex = new WeakMap<readonly ResourceDiff[], Map<string, Array<Omit<DriftedField, 'overlay'>>>>();

  /** `renders`: the window's render worker, which the services own (the repo model uses it too). */
  constructor(private readonly logger: Logger, private readonly renders: RenderClient) {
    this.cluster = new ClusterConnection(logger, (scope) => this.diffs.changed(scope));
  }

  /** Starts discovery, rendering and the cluster connection once; later calls wait for the first. */
  start(): Promise<void> {
    this.started ??= this.initialize();
    return this.started;
  }

  /** The window's render worker: other full-repo work (the repo model's discovery) runs there too. */
  get renderWorker(): RenderClient {
    return this.renders;
  }

  get all(): readonly OverlayState[] {
    return [...this.overlays.values()];
  }

  get client(): KubeClient | undefined {
    return this.cluster.client;
  }

  get connection(): ConnectionState {
    return this.cluster.state;
  }

  /** Overlays whose last render read `path`, and always the overlay whose own kustomization `path` is. */
  overlaysUsing(path: string): OverlayState[] {
    const slash = path.lastIndexOf('/');
    const ownerDir = (kustomizationFileNames as readonly string[]).includes(path.slice(slash + 1)) ? path.slice(0, slash) : undefined;
    return this.all.filter((o) => o.inputs.has(path) || o.dir === path || o.dir === ownerDir);
  }

  /** Drifted fields whose desired value was written in `path`. */
  driftIn(path: string): DriftedField[] {
    const out: DriftedField[] = [];
    for (const overlay of this.overlays.values()) {
      for (const { resource, change } of this.driftByFile(overlay.diffs).get(path) ?? []) out.push({ overlay, resource, change });
    }
    return out;
  }

  /**
   * One overlay's drifted fields by the file that wrote them, built once per diff: every change
   * event asks driftIn() for each visible editor, and walking every change of hundreds of
   * overlays each time made a keystroke pay for the whole repository.
   */
  private driftByFile(diffs: readonly ResourceDiff[]): ReadonlyMap<string, ReadonlyArray<Omit<DriftedField, 'overlay'>>> {
    let byFile = this.driftIndex.get(diffs);
    if (!byFile) {
      byFile = new Map();
      for (const resource of diffs) {
        for (const change of resource.changes) {
          const file = change.origin?.file;
          if (file === undefined) continue;
          let fields = byFile.get(file);
          if (!fields) byFile.set(file, (fields = []));
          fields.push({ resource, change });
        }
      }
      this.driftIndex.set(diffs, byFile);
    }
    return byFile;
  }

  /** The live object as the cache holds it; undefined when absent or not connected. */
  async liveObject(ref: ObjectRef): Promise<KubeObject | undefined> {
    return this.cluster.live?.get(ref);
  }

  /** Connection state per watched scope, for the Clusters view; undefined before the first connection. */
  clusterStatus(): ClusterStatus | undefined {
    return this.cluster.live?.status();
  }

  overlay(dir: string): OverlayState | undefined {
    return this.overlays.get(dir);
  }

  get stale(): boolean {
    return this.cluster.stale;
  }

  private async initialize(): Promise<void> {
    // The render worker reads the disk itself; what it cannot see are unsaved buffers.
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.sendBuffer(doc);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.sendBuffer(e.document);
        this.onEdited(e.document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        this.sendBuffer(d);
        this.onEdited(d.uri);
      }),
      // Closed without saving: the disk is what counts again.
      vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme === 'file' && this.renders.setBuffer(d.uri.fsPath, undefined)),
      // A folder closed: its overlays (and the cluster scopes only they used) are released.
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rediscover()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('driftline.kubeconfig') || e.affectsConfiguration('driftline.context')) void this.reconnect();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const changedOnDisk = (u: vscode.Uri): void => {
      this.renders.invalidate([u.fsPath]);
      void this.rediscover();
    };
    this.disposables.push(watcher, watcher.onDidCreate(changedOnDisk), watcher.onDidDelete(changedOnDisk), watcher.onDidChange((u) => {
      this.renders.invalidate([u.fsPath]);
      this.onEdited(u);
    }));
    this.cluster.connect();
    await this.rediscover();
  }

  /** An open editor's text, for the worker: a saved (clean) document reads from the disk again. */
  private sendBuffer(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === 'file') this.renders.setBuffer(doc.uri.fsPath, doc.isDirty ? doc.getText() : undefined);
  }

  /** Finds the deployable kustomizations and renders them all. */
  async rediscover(reconsider = false): Promise<void> {
    const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath) ?? [];
    const roots = await this.renders.roots(folders);
    const kept = new Set(roots);
    for (const dir of this.overlays.keys()) {
      if (kept.has(dir)) continue;
      this.overlays.delete(dir);
      this.inProcess.delete(dir);
      this.throttle.forget(dir);
    }
    // One request in flight, a task each: replies that pile up are delivered in one go, which
    // would make their handling here one long task again.
    for (const dir of roots) {
      await nextTask();
      await this.renderOverlay(dir, false, reconsider);
    }
    // Memory stays bounded by what is open: stop watching scopes no overlay renders into any more.
    const scopes = renderedScopes(this.overlays.values());
    await nextTask();
    this.cluster.live?.watchScopes(scopes);
    await this.rediff();
  }

  /** Re-renders now (no debounce): after a command, or when the user asks. */
  async refresh(): Promise<void> {
    await this.start();
    this.renders.clear();
    await this.rediscover(true);
  }

  /** Renders `dirs` again, applying driftline.renderer anew (their app changed), and re-diffs only them. */
  async rerender(dirs: readonly string[]): Promise<void> {
    await this.start();
    for (const dir of dirs) {
      await nextTask();
      await this.renderOverlay(dir, false, true);
    }
    await this.rediff(new Set(dirs));
  }

  private onEdited(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    // Only the overlays that read this file re-render, and only they re-diff: re-diffing the other
    // hundreds would make every keystroke cost a full-repo diff (bench/scanLag.ts measures it).
    for (const overlay of this.overlaysUsing(uri.fsPath)) this.throttle.edited(overlay.dir);
  }

  /** `reconsider`: apply driftline.renderer again even when the in-process render did not change (a refresh). */
  private async renderOverlay(dir: string, urgent: boolean, reconsider = false): Promise<void> {
    const previous = this.overlays.get(dir);
    let next;
    try {
      next = (await renderDeployed(this.renders, dir, { known: this.inProcess.has(dir), urgent })) ?? (reconsider ? this.inProcess.get(dir) : undefined);
    } catch (e) {
      this.logger.error(`render of ${dir} failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    // Unchanged since the last render (the worker kept it): so are its diffs.
    if (!next) return;
    this.inProcess.set(dir, next);
    // driftline.renderer may swap in an external binary's render (renderPath.ts).
    this.overlays.set(dir, await withConfiguredRenderer(dir, { dir, ...next, diffs: next.rendered ? (previous?.diffs ?? []) : [] }, this.logger));
    if (next.errors.length > 0) this.logger.warn(`render of ${dir} failed: ${next.errors.map((d) => d.message).join('; ')}`);
  }

  private async reconnect(): Promise<void> {
    this.cluster.reconnect();
    await this.rediff();
  }

  /**
   * Re-diffs `only` these overlays (default: all). Yields to the event loop between overlays so
   * that a full-repo diff never blocks the extension host for longer than one overlay's diff.
   */
  private async rediff(only?: ReadonlySet<string>): Promise<void> {
    // A newer full rediff supersedes an older one; partial ones never abort it (see below).
    const generation = only ? this.generation : ++this.generation;
    const live = this.cluster.live;
    if (live) {
      for (const dir of only ?? [...this.overlays.keys()]) {
        await nextTask();
        if (!only && generation !== this.generation) return;
        const overlay = this.overlays.get(dir);
        if (!overlay?.rendered) continue;
        try {
          const settings = readSettings();
          const kube = this.cluster.client;
          const serverSide = kube && settings.serverSideDiff.includes(appNameOf(vscode.workspace.asRelativePath(dir)));
          const desired = serverSide && kube ? await predictDesired(overlay.rendered, kube, overlay.trackingId, live, this.predictions) : overlay.rendered;
          const diffs = await diffRendered(desired, live, { tracking: { id: overlay.trackingId }, ignoreRules: ignoreRulesFor(dir, settings.ignoreDifferences) });
          // Re-rendered meanwhile: the rediff that follows that render has (or will have) the fresh diff.
          if (this.overlays.get(dir)?.rendered !== overlay.rendered) continue;
          this.overlays.set(dir, { ...this.overlays.get(dir) ?? overlay, diffs });
        } catch (e) {
          this.cluster.failed(e instanceof Error ? e.message : String(e));
        }
      }
      this.cluster.succeeded();
    }
    this.changed.fire();
  }

  dispose(): void {
    this.throttle.dispose();
    this.diffs.dispose();
    this.cluster.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
