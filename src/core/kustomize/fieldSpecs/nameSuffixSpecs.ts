import type { FieldSpec } from './fieldSpec';

// The fields `nameSuffix` appends to; `configurations` may add more (kustomize v5.7.1).

export const nameSuffixSpecs: readonly FieldSpec[] = [
  { path: 'metadata/name' },
];
