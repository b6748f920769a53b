import * as vscode from 'vscode';
import type { RenderResult } from '../core/kustomize/render';
import { createRenderer } from '../core/kustomize/renderer';
import { diffRendered } from '../core/diff/diffRendered';
import { PredictionCache, predictDesired } from '../core/diff/serverSideDiff';
import { appNameOf } from './appName';
import type { FieldChange, ResourceDiff } from '../core/diff/types';
import { ClusterCache } from '../core/cluster/clusterCache';
import { scopeId, type ClusterStatus } from '../core/cluster/connectionState';
import { rootKustomizations } from '../core/repo/rootKustomizations';
import { trackingIdFor } from '../core/repo/trackingIdentity';
import type { Diagnostic } from '../core/result';
import type { KubeObject, Logger, ObjectRef } from '../core/ports';
import { KubeClient } from '../node/kubeClient';
import { loadKubeConfig } from '../node/kubeConfigLoader';
import { systemClock, systemScheduler } from '../node/systemTime';
import { BufferFileSystem } from './bufferFileSystem';
import { overlaysInScopes, renderedScopes } from './overlayScopes';
import { readSettings } from './settings';
import { withConfiguredRenderer } from './renderPath';

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

export type ConnectionState = { readonly kind: 'connected'; readonly context: string } | { readonly kind: 'disconnected'; readonly reason: string } | { readonly kind: 'idle' };

/**
 * Keeps rendered overlays, the live cache and their diffs current: re-renders on
 * edits (unsaved buffers included, debounced) and re-diffs on cluster events.
 */
export class DriftController implements vscode.Disposable {
  private readonly overlays = new Map<string, OverlayState>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pendingRenders = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastRenderAt = new Map<string, number>();
  private readonly fs = new BufferFileSystem();
  /** Keeps results and what each read: an edit re-renders only the overlays that read the file. */
  private readonly renderer = createRenderer(this.fs);
  private live: ClusterCache | undefined;
  private kube: KubeClient | undefined;
  private started: Promise<void> | undefined;
  private diffTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cluster scopes changed since the last scheduled rediff; undefined: rediff everything. */
  private changedScopes: Set<string> | undefined = new Set();
  private generation = 0;
  /** Server-side diff's dry-run answers, reused while the desired object is unchanged. */
  private readonly predictions = new PredictionCache();
  connection: ConnectionState = { kind: 'idle' };

  constructor(private readonly logger: Logger) {}

  /** Starts discovery, rendering and the cluster connection once; later calls wait for the first. */
  start(): Promise<void> {
    this.started ??= this.initialize();
    return this.started;
  }

  get all(): readonly OverlayState[] {
    return [...this.overlays.values()];
  }

  get client(): KubeClient | undefined {
    return this.kube;
  }

  /** Overlays whose last render read `path`. */
  overlaysUsing(path: string): OverlayState[] {
    return this.all.filter((o) => o.inputs.has(path) || o.dir === path);
  }

  /** Drifted fields whose desired value was written in `path`. */
  driftIn(path: string): DriftedField[] {
    const out: DriftedField[] = [];
    for (const overlay of this.overlays.values()) {
      for (const resource of overlay.diffs) {
        for (const change of resource.changes) if (change.origin?.file === path) out.push({ overlay, resource, change });
      }
    }
    return out;
  }

  /** The live object as the cache holds it; undefined when absent or not connected. */
  async liveObject(ref: ObjectRef): Promise<KubeObject | undefined> {
    return this.live?.get(ref);
  }

  /** Connection state per watched scope, for the Clusters view; undefined before the first connection. */
  clusterStatus(): ClusterStatus | undefined {
    return this.live?.status();
  }

  overlay(dir: string): OverlayState | undefined {
    return this.overlays.get(dir);
  }

  get stale(): boolean {
    return this.connection.kind !== 'connected' || (this.live?.stale ?? false);
  }

  private async initialize(): Promise<void> {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdited(e.document.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onEdited(d.uri)),
      // A folder closed: its overlays (and the cluster scopes only they used) are released.
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rediscover()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('driftline.kubeconfig') || e.affectsConfiguration('driftline.context')) void this.reconnect();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const changedOnDisk = (u: vscode.Uri): void => {
      this.renderer.invalidate([u.fsPath]);
      void this.rediscover();
    };
    this.disposables.push(watcher, watcher.onDidCreate(changedOnDisk), watcher.onDidDelete(changedOnDisk), watcher.onDidChange((u) => this.onEdited(u)));
    this.connect();
    await this.rediscover();
  }

  /** Finds the deployable kustomizations and renders them all. */
  async rediscover(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/{kustomization.yaml,kustomization.yml,Kustomization}', '**/node_modules/**');
    const roots = await rootKustomizations(this.fs, files.map((f) => f.fsPath));
    for (const dir of this.overlays.keys()) {
      if (roots.includes(dir)) continue;
      this.overlays.delete(dir);
      this.lastRenderAt.delete(dir);
    }
    // One at a time with a yield in between: the file system port is synchronous, so rendering
    // hundreds of overlays "in parallel" was one task that froze the extension host for seconds.
    for (const dir of roots) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await this.renderOverlay(dir);
    }
    // Memory stays bounded by what is open: stop watching scopes no overlay renders into any more.
    this.live?.watchScopes(renderedScopes(this.overlays.values()));
    await this.rediff();
  }

  /** Re-renders now (no debounce): after a command, or when the user asks. */
  async refresh(): Promise<void> {
    await this.start();
    this.renderer.clear();
    await this.rediscover();
  }

  private onEdited(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const affected = this.overlaysUsing(uri.fsPath);
    this.renderer.invalidate([uri.fsPath]);
    const delay = readSettings().debounceMs;
    for (const overlay of affected) {
      // Throttle, not debounce: after a pause the keystroke renders at once (hints must follow
      // typing within 50 ms, and a seed-sized render takes about a millisecond); while typing
      // goes on, at most one render per `debounceMs`. A scheduled render reads the buffer when
      // it runs, so it covers every keystroke made before then.
      if (this.pendingRenders.has(overlay.dir)) continue;
      const sinceLast = performance.now() - (this.lastRenderAt.get(overlay.dir) ?? -Infinity);
      this.pendingRenders.set(
        overlay.dir,
        setTimeout(() => {
          this.pendingRenders.delete(overlay.dir);
          this.lastRenderAt.set(overlay.dir, performance.now());
          // Only this overlay's desired state changed: re-diffing the other hundreds would make
          // every keystroke cost a full-repo diff (bench/scanLag.ts measures it).
          void this.renderOverlay(overlay.dir).then(() => this.rediff(new Set([overlay.dir])));
        }, Math.max(0, delay - sinceLast)),
      );
    }
  }

  private async renderOverlay(dir: string): Promise<void> {
    const result = await this.renderer.render(dir);
    const previous = this.overlays.get(dir);
    // driftline.renderer may swap in an external binary's render (renderPath.ts).
    this.overlays.set(dir, await withConfiguredRenderer(dir, {
      dir,
      trackingId: previous?.trackingId ?? (await trackingIdFor(this.fs, dir)),
      rendered: result.ok ? result.value : undefined,
      errors: result.ok ? [] : result.error,
      inputs: this.renderer.inputsOf(dir) ?? new Set(),
      diffs: result.ok ? (previous?.diffs ?? []) : [],
    }, this.logger));
    if (!result.ok) this.logger.warn(`render of ${dir} failed: ${result.error.map((d) => d.message).join('; ')}`);
  }

  private connect(): void {
    const settings = readSettings();
    try {
      const kc = loadKubeConfig({ kubeconfig: settings.kubeconfig, context: settings.context });
      this.kube = new KubeClient(kc);
      this.live = new ClusterCache({ kube: this.kube, clock: systemClock, scheduler: systemScheduler, logger: this.logger, context: this.kube.contextName });
      // Both end with the cache: its dispose drops every subscription.
      this.live.onChange((change) => this.scheduleRediff(scopeId(change.scope)));
      this.live.onStateChange(() => this.scheduleRediff());
      this.connection = { kind: 'connected', context: this.kube.contextName };
      this.logger.info(`comparing with context ${this.kube.contextName} (${this.kube.server})`);
    } catch (e) {
      this.connection = { kind: 'disconnected', reason: e instanceof Error ? e.message : String(e) };
      this.logger.warn(`no cluster: ${this.connection.reason}`);
    }
  }

  private async reconnect(): Promise<void> {
    this.live?.dispose();
    this.live = undefined;
    this.kube = undefined;
    this.connect();
    await this.rediff();
  }

  /**
   * Cluster events arrive in bursts (a sync touches many objects): coalesce them, and re-diff
   * only the overlays that render something in a changed scope (kind + namespace, so objects
   * that became Extra count too). `scope` undefined (a connection state change): everything.
   */
  private scheduleRediff(scope?: string): void {
    if (scope === undefined) this.changedScopes = undefined;
    else this.changedScopes?.add(scope);
    clearTimeout(this.diffTimer);
    this.diffTimer = setTimeout(() => {
      const scopes = this.changedScopes;
      this.changedScopes = new Set();
      void this.rediff(scopes && overlaysInScopes(this.overlays.values(), scopes));
    }, 30);
  }

  /**
   * Re-diffs `only` these overlays (default: all). Yields to the event loop between overlays so
   * that a full-repo diff (hundreds of overlays, seconds of work) never blocks the extension
   * host for longer than one overlay's diff: the editor's requests to this host stay answered.
   */
  private async rediff(only?: ReadonlySet<string>): Promise<void> {
    // A newer full rediff supersedes an older one; partial ones never abort it (see below).
    const generation = only ? this.generation : ++this.generation;
    const live = this.live;
    if (live) {
      for (const dir of only ?? [...this.overlays.keys()]) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!only && generation !== this.generation) return;
        const overlay = this.overlays.get(dir);
        if (!overlay?.rendered) continue;
        try {
          const settings = readSettings();
          const serverSide = this.kube && settings.serverSideDiff.includes(appNameOf(relativeToWorkspace(dir)));
          const desired = serverSide && this.kube ? await predictDesired(overlay.rendered, this.kube, overlay.trackingId, live, this.predictions) : overlay.rendered;
          const diffs = await diffRendered(desired, live, { tracking: { id: overlay.trackingId }, ignoreRules: settings.ignoreDifferences });
          // Re-rendered meanwhile: the rediff that follows that render has (or will have) the fresh diff.
          if (this.overlays.get(dir)?.rendered !== overlay.rendered) continue;
          this.overlays.set(dir, { ...this.overlays.get(dir) ?? overlay, diffs });
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          this.connection = { kind: 'disconnected', reason };
          this.logger.warn(`cannot read the cluster: ${reason}`);
        }
      }
      if (this.connection.kind === 'disconnected' && this.kube && !live.stale) this.connection = { kind: 'connected', context: this.kube.contextName };
    }
    this.changed.fire();
  }

  dispose(): void {
    for (const t of this.pendingRenders.values()) clearTimeout(t);
    clearTimeout(this.diffTimer);
    this.live?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function relativeToWorkspace(dir: string): string {
  return vscode.workspace.asRelativePath(dir);
}
