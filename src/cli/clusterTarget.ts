import { render, type RenderResult } from '../core/kustomize/render';
import type { Diagnostic, Result } from '../core/result';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { KubeClient } from '../node/kubeClient';
import { loadKubeConfig } from '../node/kubeConfigLoader';
import { trackingIdFor } from '../core/repo/trackingIdentity';

export interface ClusterOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** Renders `dir` and connects to the cluster the options name: what diff and sync both start from. */
export async function renderAndConnect(dir: string, options: ClusterOptions): Promise<Result<{ rendered: RenderResult; kube: KubeClient; trackingId: string }, Diagnostic[] | string>> {
  const fs = new DiskFileSystem();
  const overlayDir = toCorePath(dir);
  const rendered = await render(fs, overlayDir);
  if (!rendered.ok) return rendered;
  try {
    const kube = new KubeClient(loadKubeConfig({ kubeconfig: options.kubeconfig, context: options.context }));
    return { ok: true, value: { rendered: rendered.value, kube, trackingId: await trackingIdFor(fs, overlayDir) } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
