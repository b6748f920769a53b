import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

// A generated case: a small repository (bases, components, overlay) as data, so the
// minimiser can drop parts of it and write it out again.

export type FuzzFile = { readonly kind: 'yaml'; readonly docs: unknown[] } | { readonly kind: 'text'; readonly text: string };

export interface FuzzCase {
  readonly seed: number;
  /** The kustomization to render, relative to the case directory. */
  readonly root: string;
  readonly files: Record<string, FuzzFile>;
}

export function yamlFile(...docs: unknown[]): FuzzFile {
  return { kind: 'yaml', docs };
}

export function textFile(text: string): FuzzFile {
  return { kind: 'text', text };
}

export function fileText(file: FuzzFile): string {
  if (file.kind === 'text') return file.text;
  // The `yaml` package writes YAML 1.2: `yes` or `on` stay plain, as people write them.
  return file.docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

/** Writes the case under `dir` (emptied first). */
export function writeCase(dir: string, fuzzCase: FuzzCase): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, file] of Object.entries(fuzzCase.files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fileText(file));
  }
}
