import type { FileSystem } from '../ports';
import { Provenance } from '../provenance';
import { normalize } from '../paths';
import { RenderError, err, ok, type Diagnostic, type Result } from '../result';
import { emitStream } from '../yaml/emit';
import type { ParseCache } from '../yaml/parseCache';
import { buildKustomization } from './loader';
import { finishAtRoot } from './rootPhase';
import { loadedLayers } from './kustomization';
import { checkPrintableKeys } from './validation/printableKeys';
import { checkUniqueIds } from './validation/uniqueIds';
import { checkDecodable } from './replacements/undecodable';
import { checkNoDuplicateKeys } from './patches/duplicateKeyMarks';
import type { Resource } from './resource';

export interface RenderOptions {
  /** Reserved for renderer switches (external helm, load restrictions). */
  readonly allowExternalRenderers?: boolean;
  /** Parses to reuse across renders; createRenderer passes its own. */
  readonly parseCache?: ParseCache;
}

export interface RenderResult {
  /** In `kubectl kustomize` output order. */
  readonly resources: readonly Resource[];
  /** Where every field of every resource came from. */
  readonly provenance: Provenance;
  readonly warnings: readonly Diagnostic[];
}

/** Renders the kustomization in `dir` as `kubectl kustomize <dir>` does, reading only through `fs`. */
export async function render(fs: FileSystem, dir: string, options: RenderOptions = {}): Promise<Result<RenderResult>> {
  const provenance = new Provenance();
  const warnings: Diagnostic[] = [];
  try {
    const ctx = { fs, provenance, warnings, stack: [], parseCache: options.parseCache };
    const { kustomization, resources } = await buildKustomization(ctx, normalize(dir));
    const finished = await finishAtRoot({ ctx, kustomization, resources });
    checkUniqueIds(finished, provenance, kustomization.file);
    // Last, as kubectl meets it: when printing.
    checkPrintableKeys(await loadedLayers(ctx), finished, provenance);
    checkDecodable(provenance, finished);
    checkNoDuplicateKeys(provenance, finished);
    return ok({ resources: finished, provenance, warnings });
  } catch (e) {
    if (e instanceof RenderError) return err([e.diagnostic]);
    throw e;
  }
}

/** The YAML stream `kubectl kustomize` prints. */
export function toYaml(result: RenderResult): string {
  return emitStream(result.resources.map((r) => r.object));
}
