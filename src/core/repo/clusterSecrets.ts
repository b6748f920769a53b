import type { Diagnostic } from '../result';
import { diagnostic } from '../result';
import type { ClusterEntry, KubeconfigContext } from './model';
import type { ManifestDoc } from './manifestScan';
import { meta, record, str } from './values';

/** `data` values are base64; a value that does not decode is treated as absent. */
function decoded(value: unknown): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Argo CD cluster Secrets (label `argocd.argoproj.io/secret-type: cluster`): name and server from stringData or data. */
export function clustersFromSecrets(secrets: readonly ManifestDoc[], diagnostics: Diagnostic[]): ClusterEntry[] {
  const out: ClusterEntry[] = [];
  for (const doc of secrets) {
    const m = meta(doc.object);
    const stringData = record(doc.object['stringData']);
    const data = record(doc.object['data']);
    const field = (key: string): string | undefined => str(stringData[key]) ?? decoded(data[key]);
    const server = field('server');
    if (!server) {
      diagnostics.push(diagnostic(doc.file, `cluster Secret ${m.name} has no server`, doc.location, 'warning'));
      continue;
    }
    // Argo CD's own labels on the Secret are not the cluster's labels users select on.
    const labels = Object.fromEntries(Object.entries(m.labels).filter(([k]) => k !== 'argocd.argoproj.io/secret-type'));
    out.push({ name: field('name') ?? server, server, labels, annotations: m.annotations, from: 'secret' });
  }
  return out;
}

export function clustersFromContexts(contexts: readonly KubeconfigContext[]): ClusterEntry[] {
  return contexts.map((c) => ({ name: c.name, server: c.server, labels: {}, annotations: {}, from: 'kubeconfig' as const }));
}
