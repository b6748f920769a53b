import type { KubeObject, ObjectRef } from '../ports';
import type { RenderResult } from '../kustomize/render';
import type { Resource } from '../kustomize/resource';
import { compare } from './compare';
import type { ResourceDiff } from './types';

export type LiveLookup = (ref: ObjectRef) => Promise<KubeObject | undefined>;

export function refOf(r: Resource): ObjectRef {
  const namespace = r.object.metadata['namespace'];
  return {
    apiVersion: String(r.object['apiVersion']),
    kind: String(r.object['kind']),
    name: String(r.object.metadata['name']),
    namespace: typeof namespace === 'string' ? namespace : undefined,
  };
}

/** The drift of every rendered resource against the live cluster, in render order. */
export async function diffRendered(rendered: RenderResult, live: LiveLookup): Promise<ResourceDiff[]> {
  const lives = await Promise.all(rendered.resources.map((r) => live(refOf(r))));
  return rendered.resources.map((r, i) => compare(r, lives[i], { provenance: rendered.provenance }));
}
