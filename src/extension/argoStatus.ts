import * as vscode from 'vscode';
import { applicationRef, readApplicationStatus, summarizeStatus, type ArgoAppStatus } from '../core/argo/applicationStatus';
import type { KubeObject, Logger } from '../core/ports';
import type { AppModel } from '../core/repo/model';
import type { KubeClient } from '../node/kubeClient';
import type { DriftController } from './driftController';
import type { RepoService } from './repoService';

// Argo CD mode, read side: where the cluster Driftline is connected to serves Applications,
// what Argo CD thinks of each app deployed there, read through the controller's KubeClient.
// Only apps whose destination resolves to the connected context are asked about.

const minIntervalMs = 2000;
const notArgoRetryMs = 60_000;

export class ArgoStatusService implements vscode.Disposable {
  private statuses = new Map<string, ArgoAppStatus>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  /** Clients whose cluster did not serve the Application CRD, and when: asked again only after a while. */
  private readonly notArgo = new WeakMap<KubeClient, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRead = 0;

  constructor(private readonly drift: DriftController, private readonly repo: RepoService, private readonly logger: Logger) {
    // Drift changes on every render and cluster event: reads are throttled to one round per interval.
    this.disposables = [this.changed, drift.onDidChange(() => this.schedule()), repo.onDidChange(() => this.schedule())];
  }

  /** What Argo CD last reported for `app`, when Argo CD manages it on the connected cluster. */
  statusOf(app: AppModel | undefined): ArgoAppStatus | undefined {
    return app ? this.statuses.get(keyOf(app)) : undefined;
  }

  /** "Argo CD: OutOfSync at abc1234 · Healthy · … · your working copy changes 2 more fields". */
  summaryOf(app: AppModel | undefined, localChanges?: number): string | undefined {
    const status = this.statusOf(app);
    return status ? summarizeStatus(status, localChanges) : undefined;
  }

  /** The Application object as stored now, for a sync through Argo CD; undefined when Argo CD does not manage `app` here. */
  async application(app: AppModel, kube: KubeClient): Promise<KubeObject | undefined> {
    try {
      return await kube.get(applicationRef(app.name, app.namespace ?? 'argocd'));
    } catch {
      return undefined;
    }
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastRead + minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.lastRead = Date.now();
      void this.readAll().finally(() => (this.timer = undefined));
    }, wait);
  }

  private async readAll(): Promise<void> {
    const kube = this.drift.client;
    const next = new Map<string, ArgoAppStatus>();
    if (kube && Date.now() - (this.notArgo.get(kube) ?? -Infinity) > notArgoRetryMs) {
      for (const app of this.repo.apps.filter((a) => a.context === kube.contextName)) {
        try {
          const object = await kube.get(applicationRef(app.name, app.namespace ?? 'argocd'));
          if (object) next.set(keyOf(app), readApplicationStatus(object));
        } catch (e) {
          // The cluster does not serve argoproj.io/v1alpha1 applications (or refuses us): not an Argo CD cluster.
          this.logger.info(`Argo CD status not read from ${kube.contextName}: ${e instanceof Error ? e.message : String(e)}`);
          this.notArgo.set(kube, Date.now());
          break;
        }
      }
    }
    if (sameStatuses(this.statuses, next)) return;
    this.statuses = next;
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function keyOf(app: AppModel): string {
  return `${app.namespace ?? 'argocd'}/${app.name}`;
}

function sameStatuses(a: ReadonlyMap<string, ArgoAppStatus>, b: ReadonlyMap<string, ArgoAppStatus>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => JSON.stringify(b.get(k)) === JSON.stringify(v));
}
