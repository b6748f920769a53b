/** The environment an overlay deploys to, from its path: `…/overlays/production` → `production`. */
export function environmentOf(relativeDir: string): string {
  const parts = relativeDir.split('/');
  const at = parts.lastIndexOf('overlays');
  if (at >= 0 && parts[at + 1]) return parts[at + 1] as string;
  const known = parts.find((p) => /^(prod|production|staging|stage|dev|development|test|qa|preprod|sandbox)$/i.test(p));
  return known ?? 'other';
}
