import type { FileSystem } from '../ports';
import { Provenance } from '../provenance';
import { normalize } from '../paths';
import { RenderError, err, ok, type Diagnostic, type Result } from '../result';
import { emitStream } from '../yaml/emit';
import { buildKustomization } from './loader';
import { legacySort } from './sortOrder';
import { isRecord } from '../fieldPath';
import type { Resource } from './resource';

export interface RenderOptions {
  /** Reserved for renderer switches (external helm, load restrictions). */
  readonly allowExternalRenderers?: boolean;
}

export interface RenderResult {
  /** In `kubectl kustomize` output order. */
  readonly resources: readonly Resource[];
  /** Where every field of every resource came from. */
  readonly provenance: Provenance;
  readonly warnings: readonly Diagnostic[];
}

/** Renders the kustomization in `dir` as `kubectl kustomize <dir>` does, reading only through `fs`. */
export async function render(fs: FileSystem, dir: string, _options: RenderOptions = {}): Promise<Result<RenderResult>> {
  const provenance = new Provenance();
  const warnings: Diagnostic[] = [];
  try {
    const { kustomization, resources } = await buildKustomization({ fs, provenance, warnings, stack: [] }, normalize(dir));
    const sortOptions = kustomization.data['sortOptions'];
    const fifo = isRecord(sortOptions) && sortOptions['order'] === 'fifo';
    return ok({ resources: fifo ? resources : legacySort(resources), provenance, warnings });
  } catch (e) {
    if (e instanceof RenderError) return err([e.diagnostic]);
    throw e;
  }
}

/** The YAML stream `kubectl kustomize` prints. */
export function toYaml(result: RenderResult): string {
  return emitStream(result.resources.map((r) => r.object));
}
