import type { FileSystem } from '../ports';
import { basename, dirname } from '../paths';
import { Provenance, type SourceLocation } from '../provenance';
import type { Diagnostic } from '../result';
import { parseTracked } from '../yaml/trackedParse';
import { kustomizationFileNames } from '../kustomize/kustomization';
import { isRecord } from '../fieldPath';

/** One Kubernetes-shaped YAML document, with where it starts. */
export interface ManifestDoc {
  readonly file: string;
  readonly object: Record<string, unknown>;
  readonly location: SourceLocation;
}

export interface ManifestScan {
  readonly applications: readonly ManifestDoc[];
  readonly applicationSets: readonly ManifestDoc[];
  readonly clusterSecrets: readonly ManifestDoc[];
  /** Directories holding at least one document with apiVersion and kind. */
  readonly manifestDirs: ReadonlySet<string>;
  /** Field positions of every parsed document, for located template diagnostics. */
  readonly provenance: Provenance;
  readonly diagnostics: readonly Diagnostic[];
}

export function isArgoKind(object: Record<string, unknown>, kind: string): boolean {
  return object['kind'] === kind && typeof object['apiVersion'] === 'string' && object['apiVersion'].startsWith('argoproj.io/');
}

export function isClusterSecret(object: Record<string, unknown>): boolean {
  if (object['kind'] !== 'Secret') return false;
  const labels = isRecord(object['metadata']) ? object['metadata']['labels'] : undefined;
  return isRecord(labels) && labels['argocd.argoproj.io/secret-type'] === 'cluster';
}

/** Reads every YAML file once. Files that are not YAML (templated values, say) are skipped silently unless they look like Argo CD manifests. */
export async function scanManifests(fs: FileSystem, yamlFiles: readonly string[]): Promise<ManifestScan> {
  const provenance = new Provenance();
  const applications: ManifestDoc[] = [];
  const applicationSets: ManifestDoc[] = [];
  const clusterSecrets: ManifestDoc[] = [];
  const manifestDirs = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const file of yamlFiles) {
    if ((kustomizationFileNames as readonly string[]).includes(basename(file))) continue;
    const text = await fs.readFile(file);
    if (text === undefined) continue;
    const parsed = parseTracked(file, text, provenance, 'resource');
    if (!parsed.ok) {
      if (text.includes('argoproj.io')) diagnostics.push(...parsed.error);
      continue;
    }
    for (const doc of parsed.value) {
      if (!isRecord(doc.value) || typeof doc.value['kind'] !== 'string' || typeof doc.value['apiVersion'] !== 'string') continue;
      const found: ManifestDoc = { file, object: doc.value, location: doc.location };
      manifestDirs.add(dirname(file));
      if (isArgoKind(doc.value, 'Application')) applications.push(found);
      else if (isArgoKind(doc.value, 'ApplicationSet')) applicationSets.push(found);
      else if (isClusterSecret(doc.value)) clusterSecrets.push(found);
    }
  }
  return { applications, applicationSets, clusterSecrets, manifestDirs, provenance, diagnostics };
}
