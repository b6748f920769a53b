import type { FieldSpec } from './fieldSpec';

// kustomize v5.7.1's builtin images table. The legacy pass already rewrites every
// `containers`/`initContainers` list at any depth; these specs run a second pass on top
// (which is why a `tagSuffix` lands twice on a Deployment's containers, kubectl-verified).
// `create` only matters for conflicts: a user spec with the same path but no `create` is
// "conflicting fieldspecs"; the image filter itself never creates a field.

export const imagesSpecs: readonly FieldSpec[] = [
  { path: 'spec/containers[]/image', create: true },
  { path: 'spec/initContainers[]/image', create: true },
  { path: 'spec/volumes[]/image/reference', create: true },
  { path: 'spec/template/spec/containers[]/image', create: true },
  { path: 'spec/template/spec/initContainers[]/image', create: true },
  { path: 'spec/template/spec/volumes[]/image/reference', create: true },
];
