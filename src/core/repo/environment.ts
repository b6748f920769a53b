// The environment label of an app: what people mean by "staging" or "production".
// Stated labels win; then the overlay path (overlays/<env>, envs/<env>); then words in
// the app name and path. Synonyms collapse so that prod and production group together.

const canonical: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['production', ['production', 'prod', 'prd', 'live']],
  ['staging', ['staging', 'stage', 'stg']],
  ['preprod', ['preprod', 'pre-prod', 'preproduction']],
  ['qa', ['qa']],
  ['uat', ['uat']],
  ['test', ['test', 'testing']],
  ['dev', ['dev', 'development', 'develop']],
  ['sandbox', ['sandbox']],
  ['local', ['local']],
];

const labelKeys = ['environment', 'env', 'app.kubernetes.io/environment', 'tier-environment'];
const envDirNames = new Set(['overlays', 'envs', 'environments', 'env', 'clusters']);

function canonicalOf(word: string): string | undefined {
  const w = word.toLowerCase();
  return canonical.find(([, synonyms]) => synonyms.includes(w))?.[0];
}

/** The environment of an app, or undefined when nothing names one. */
export function environmentOf(name: string, labels: Readonly<Record<string, string>>, sourcePaths: readonly string[]): string | undefined {
  for (const key of labelKeys) {
    const value = labels[key];
    if (value) return canonicalOf(value) ?? value;
  }
  for (const path of sourcePaths) {
    const segments = path.split('/').filter(Boolean);
    for (let i = 0; i + 1 < segments.length; i++) {
      const next = segments[i + 1];
      if (next && envDirNames.has(segments[i] ?? '')) return canonicalOf(next) ?? next;
    }
  }
  for (const text of [...sourcePaths, name]) {
    for (const word of text.split(/[^A-Za-z0-9]+/).reverse()) {
      const found = canonicalOf(word);
      if (found) return found;
    }
  }
  return undefined;
}
