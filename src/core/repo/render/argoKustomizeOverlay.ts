import { stringify } from 'yaml';
import type { FileSystem } from '../../ports';
import { basename, dirname, join, resolve } from '../../paths';
import type { ArgoKustomizeOptions } from '../model';
import { record, str } from '../values';

export interface KustomizeImage {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
}

/** Splits `repo/img:tag@sha256:…` into name, tag and digest; a ':' before the last '/' is a registry port. */
function splitImage(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined;
  const name = tag !== undefined ? rest.slice(0, colon) : rest;
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** An Argo CD image override (`kustomize edit set image` syntax): `old=new:tag`, `name:tag`, `name@digest`. */
export function parseArgoImage(spec: string): KustomizeImage {
  const eq = spec.indexOf('=');
  if (eq < 0) {
    const { name, tag, digest } = splitImage(spec);
    return { name, ...(tag !== undefined ? { newTag: tag } : {}), ...(digest !== undefined ? { digest } : {}) };
  }
  const { name, tag, digest } = splitImage(spec.slice(eq + 1));
  return { name: spec.slice(0, eq), ...(name !== '' && name !== '*' ? { newName: name } : {}), ...(tag !== undefined ? { newTag: tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** Where the virtual kustomization for the app in `dir` lives: a sibling, since kustomize refuses a base that contains its overlay. */
export function overlayDirFor(dir: string): string {
  return join(dirname(dir), `.driftline-argocd-${basename(dir)}`);
}

/**
 * The kustomization Argo CD's `kustomize edit` calls amount to, as an overlay on `base`
 * (the app's own directory, or a directory holding externally rendered output). Patch
 * files are inlined because the overlay may not read files outside itself.
 */
export async function argoOverlayKustomization(fs: FileSystem, appDir: string, resources: readonly string[], options: ArgoKustomizeOptions): Promise<string> {
  const rel = (p: string): string => `../${basename(appDir)}/${p}`.replace(/\/\.\/?$/, '').replace(/\/$/, '');
  const k: Record<string, unknown> = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] };
  if (options.namespace) k['namespace'] = options.namespace;
  if (options.namePrefix) k['namePrefix'] = options.namePrefix;
  if (options.nameSuffix) k['nameSuffix'] = options.nameSuffix;
  if (options.commonLabels && Object.keys(options.commonLabels).length > 0) k['commonLabels'] = { ...options.commonLabels };
  if (options.commonAnnotations && Object.keys(options.commonAnnotations).length > 0) k['commonAnnotations'] = { ...options.commonAnnotations };
  if (options.images && options.images.length > 0) k['images'] = options.images.map(parseArgoImage);
  if (options.replicas && options.replicas.length > 0) k['replicas'] = options.replicas.map((r) => ({ name: r.name, count: r.count }));
  if (options.components && options.components.length > 0) k['components'] = options.components.map(rel);
  if (options.patches && options.patches.length > 0) {
    const patches: unknown[] = [];
    for (const raw of options.patches) {
      const p = { ...record(raw) };
      const path = str(p['path']);
      if (path !== undefined) {
        delete p['path'];
        p['patch'] = (await fs.readFile(resolve(appDir, path))) ?? '';
      }
      patches.push(p);
    }
    k['patches'] = patches;
  }
  return stringify(k);
}

/** The virtual overlay for the app in `dir` that builds on the directory itself (the in-process render's). */
export async function argoOverlay(fs: FileSystem, dir: string, options: ArgoKustomizeOptions): Promise<{ readonly dir: string; readonly file: string; readonly text: string }> {
  const overlayDir = overlayDirFor(dir);
  return { dir: overlayDir, file: join(overlayDir, 'kustomization.yaml'), text: await argoOverlayKustomization(fs, dir, [`../${basename(dir)}`], options) };
}

/** Whether Argo CD would run any `kustomize edit` for these options. */
export function hasKustomizeOptions(options: ArgoKustomizeOptions | undefined): options is ArgoKustomizeOptions {
  return options !== undefined && Object.keys(options).length > 0;
}
