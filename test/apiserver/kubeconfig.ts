// The kubeconfig the emulator hands out: one cluster, one token user, context driftline-demo.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export const contextName = 'driftline-demo';

export function renderKubeconfig(options: { url: string; caPem: string; token: string }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: contextName, cluster: { server: options.url, 'certificate-authority-data': Buffer.from(options.caPem).toString('base64') } }],
    users: [{ name: `${contextName}-admin`, user: { token: options.token } }],
    contexts: [{ name: contextName, context: { cluster: contextName, user: `${contextName}-admin`, namespace: 'default' } }],
    'current-context': contextName,
  });
}

export async function writeKubeconfig(path: string, options: { url: string; caPem: string; token: string }): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // 0600: the file holds a bearer token, and kubectl warns about group/world-readable configs.
  await writeFile(path, renderKubeconfig(options), { mode: 0o600 });
}
