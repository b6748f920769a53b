import { commonAnnotationsSpecs } from './commonAnnotationsSpecs';
import { commonLabelsSpecs } from './commonLabelsSpecs';
import { mergeFieldSpecs, mergeNameReferences, type FieldSpec, type NameBackReference } from './fieldSpec';
import { namePrefixSpecs } from './namePrefixSpecs';
import { nameReferenceSpecs } from './nameReferenceSpecs';
import { namespaceSpecs } from './namespaceSpecs';
import { nameSuffixSpecs } from './nameSuffixSpecs';
import { templateLabelsSpecs } from './templateLabelsSpecs';
import { imagesSpecs } from './imagesSpecs';
import { replicasSpecs } from './replicasSpecs';

// kustomize's TransformerConfig (api/internal/plugins/builtinconfig): the builtin tables
// plus whatever `configurations` and `crds` add, merged upward from every layer below.

export interface TransformerConfig {
  readonly namePrefix: readonly FieldSpec[];
  readonly nameSuffix: readonly FieldSpec[];
  readonly namespace: readonly FieldSpec[];
  readonly commonLabels: readonly FieldSpec[];
  readonly templateLabels: readonly FieldSpec[];
  readonly commonAnnotations: readonly FieldSpec[];
  readonly nameReference: readonly NameBackReference[];
  /** The vars table's builtin entries live with the vars transformer. */
  readonly images: readonly FieldSpec[];
  readonly replicas: readonly FieldSpec[];
  readonly varReference: readonly FieldSpec[];
}

export type FieldSpecTable = Exclude<keyof TransformerConfig, 'nameReference'>;

export const fieldSpecTables: readonly FieldSpecTable[] = [
  'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'templateLabels', 'commonAnnotations', 'images', 'replicas', 'varReference',
];

export const emptyConfig: TransformerConfig = {
  namePrefix: [], nameSuffix: [], namespace: [], commonLabels: [], templateLabels: [], commonAnnotations: [],
  nameReference: [], images: [], replicas: [], varReference: [],
};

export const builtinConfig: TransformerConfig = {
  ...emptyConfig,
  namePrefix: namePrefixSpecs,
  nameSuffix: nameSuffixSpecs,
  namespace: namespaceSpecs,
  commonLabels: commonLabelsSpecs,
  templateLabels: templateLabelsSpecs,
  commonAnnotations: commonAnnotationsSpecs,
  nameReference: nameReferenceSpecs,
  images: imagesSpecs,
  replicas: replicasSpecs,
};

/** Merges `b` into `a`; a conflict names the table (`commonLabels`, `nameReference`, …) and the spec. */
export function mergeConfigs(a: TransformerConfig, b: TransformerConfig, onConflict: (table: string, spec: FieldSpec) => never): TransformerConfig {
  const m = (table: FieldSpecTable): FieldSpec[] => mergeFieldSpecs(a[table], b[table], (spec) => onConflict(table, spec));
  return {
    namePrefix: m('namePrefix'),
    nameSuffix: m('nameSuffix'),
    namespace: m('namespace'),
    commonLabels: m('commonLabels'),
    templateLabels: m('templateLabels'),
    commonAnnotations: m('commonAnnotations'),
    nameReference: mergeNameReferences(a.nameReference, b.nameReference, (spec) => onConflict('nameReference', spec)),
    images: m('images'),
    replicas: m('replicas'),
    varReference: m('varReference'),
  };
}
