/**
 * A short name for an overlay without an Argo CD Application: `apps/guestbook/overlays/production`
 * → `guestbook-production`. It is what a protected-target confirmation asks the user to type.
 */
export function appNameOf(relativeDir: string): string {
  const parts = relativeDir.split('/').filter((p) => p !== '' && p !== '.');
  const at = parts.lastIndexOf('overlays');
  if (at > 0 && parts[at + 1]) return `${parts[at - 1]}-${parts[at + 1]}`;
  return parts.slice(-2).join('-') || relativeDir;
}
