// The kubeconfig the emulator hands out: one cluster, the admin token user in context
// driftline-demo (the current context), and one context per extra user, driftline-demo-<name>.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export const contextName = 'driftline-demo';

export interface KubeconfigUser {
  /** The kubeconfig user entry and context this token goes under. */
  context: string;
  token: string;
}

export interface KubeconfigOptions {
  url: string;
  caPem: string;
  /** The admin first: its context becomes the current one. */
  users: KubeconfigUser[];
}

export function userContextName(userName: string): string {
  return `${contextName}-${userName}`;
}

export function renderKubeconfig(options: KubeconfigOptions): string {
  const userEntry = (u: KubeconfigUser): string => (u.context === contextName ? `${contextName}-admin` : u.context);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: contextName, cluster: { server: options.url, 'certificate-authority-data': Buffer.from(options.caPem).toString('base64') } }],
    users: options.users.map((u) => ({ name: userEntry(u), user: { token: u.token } })),
    contexts: options.users.map((u) => ({ name: u.context, context: { cluster: contextName, user: userEntry(u), namespace: 'default' } })),
    'current-context': options.users[0]?.context ?? contextName,
  });
}

export async function writeKubeconfig(path: string, options: KubeconfigOptions): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // 0600: the file holds bearer tokens, and kubectl warns about group/world-readable configs.
  await writeFile(path, renderKubeconfig(options), { mode: 0o600 });
}
