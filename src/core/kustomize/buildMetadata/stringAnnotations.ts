import { isRecord } from '../../fieldPath';
import type { RootPhaseInput } from '../rootPhase';

// kustomize rewrites every resource's metadata.annotations as a map[string]string before
// printing, so a value a JSON patch or a replacement wrote as a number, a boolean or null
// comes out as its JSON text: "12", "true", "null" (kubectl-verified). Values read from
// files already keep their source text (see yaml/trackedParse.ts).

export function stringifyAnnotations({ resources }: RootPhaseInput): void {
  for (const r of resources) {
    const annotations = r.object.metadata['annotations'];
    if (!isRecord(annotations)) continue;
    for (const [key, value] of Object.entries(annotations)) {
      if (value === null) annotations[key] = 'null';
      else if (typeof value === 'number' || typeof value === 'boolean') annotations[key] = String(value);
    }
  }
}
