import type { FieldSpec } from './fieldSpec';

// The fields `namePrefix` prepends to; `configurations` may add more (kustomize v5.7.1).

export const namePrefixSpecs: readonly FieldSpec[] = [
  { path: 'metadata/name' },
];
