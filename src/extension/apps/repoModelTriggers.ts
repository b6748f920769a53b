// Which file changes make the repo model stale. Discovery walks the whole repository, so it
// re-runs only for files that can change it: kustomizations (a new overlay, a base becoming
// an overlay), Argo CD Applications/ApplicationSets, and files an app was read from before.

const kustomizationFile = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
const argoKind = /^kind:\s*["']?(Application|ApplicationSet)["']?\s*$/m;

export function affectsRepoModel(path: string, text: string | undefined, knownAppFiles: ReadonlySet<string>): boolean {
  if (kustomizationFile.test(path) || knownAppFiles.has(path)) return true;
  if (!/\.ya?ml$/.test(path)) return false;
  // A deleted file (no text) may have held an app only if it was known; a new one shows its kind.
  return text !== undefined && argoKind.test(text);
}
