import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');

/** Every directory under `root` that holds a file named `marker`, sorted. */
export function casesWith(root: string, marker: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === marker) found.push(dirname(path));
    }
  };
  walk(root);
  return found;
}
