// The shape of kustomize v5.7.1's Kustomization type (api/types/kustomization.go and
// the types it embeds), as its strict JSON decoder checks it: every struct rejects
// unknown fields, every field has one Go type. Verified field by field with kubectl.

export type FieldType =
  | 'string'
  | 'bool'
  | 'int'
  /** map[string]interface{}: anything goes inside. */
  | 'anyMap'
  | { readonly list: FieldType }
  | { readonly map: FieldType }
  | { readonly struct: string; readonly fields: Readonly<Record<string, FieldType>> };

const struct = (name: string, fields: Record<string, FieldType>): FieldType => ({ struct: name, fields });
const listOf = (item: FieldType): FieldType => ({ list: item });
const stringMap: FieldType = { map: 'string' };
const strings: FieldType = listOf('string');

const gvk = { group: 'string', version: 'string', kind: 'string' } as const;
const resId = { ...gvk, name: 'string', namespace: 'string' } as const;

const selector = struct('Selector', { ...resId, annotationSelector: 'string', labelSelector: 'string' });
const fieldSpec = struct('FieldSpec', { ...gvk, path: 'string', create: 'bool' });
const fieldOptions = struct('FieldOptions', { delimiter: 'string', index: 'int', encoding: 'string', create: 'bool' });
const generatorOptions = struct('GeneratorOptions', {
  labels: stringMap,
  annotations: stringMap,
  disableNameSuffixHash: 'bool',
  immutable: 'bool',
});
const generatorArgs = {
  name: 'string',
  namespace: 'string',
  behavior: 'string',
  literals: strings,
  files: strings,
  envs: strings,
  env: 'string',
  options: generatorOptions,
} as const;
const patch = struct('Patch', { path: 'string', patch: 'string', target: selector, options: { map: 'bool' } });

export const kustomizationSchema = struct('Kustomization', {
  apiVersion: 'string',
  kind: 'string',
  metadata: struct('ObjectMeta', { name: 'string', namespace: 'string', labels: stringMap, annotations: stringMap }),
  openapi: stringMap,
  namePrefix: 'string',
  nameSuffix: 'string',
  namespace: 'string',
  commonLabels: stringMap,
  labels: listOf(struct('Label', { pairs: stringMap, includeSelectors: 'bool', includeTemplates: 'bool', fields: listOf(fieldSpec) })),
  commonAnnotations: stringMap,
  patchesStrategicMerge: strings,
  patchesJson6902: listOf(patch),
  patches: listOf(patch),
  images: listOf(struct('Image', { name: 'string', newName: 'string', newTag: 'string', digest: 'string', tagSuffix: 'string' })),
  imageTags: listOf(struct('Image', { name: 'string', newName: 'string', newTag: 'string', digest: 'string', tagSuffix: 'string' })),
  replacements: listOf(struct('ReplacementField', {
    path: 'string',
    source: struct('SourceSelector', { ...resId, fieldPath: 'string', options: fieldOptions }),
    targets: listOf(struct('TargetSelector', { select: selector, reject: listOf(selector), fieldPaths: strings, options: fieldOptions })),
  })),
  replicas: listOf(struct('Replica', { name: 'string', count: 'int' })),
  vars: listOf(struct('Var', {
    name: 'string',
    objref: struct('Target', { apiVersion: 'string', ...resId }),
    fieldref: struct('FieldSelector', { fieldPath: 'string' }),
  })),
  sortOptions: struct('SortOptions', {
    order: 'string',
    legacySortOptions: struct('LegacySortOptions', { orderFirst: strings, orderLast: strings }),
  }),
  resources: strings,
  components: strings,
  crds: strings,
  bases: strings,
  configMapGenerator: listOf(struct('ConfigMapArgs', generatorArgs)),
  secretGenerator: listOf(struct('SecretArgs', { ...generatorArgs, type: 'string' })),
  helmGlobals: struct('HelmGlobals', { chartHome: 'string', configHome: 'string' }),
  helmCharts: listOf(struct('HelmChart', {
    name: 'string', version: 'string', repo: 'string', releaseName: 'string', namespace: 'string',
    additionalValuesFiles: strings, valuesFile: 'string', valuesInline: 'anyMap', valuesMerge: 'string',
    includeCRDs: 'bool', skipHooks: 'bool', apiVersions: strings, kubeVersion: 'string', nameTemplate: 'string',
    skipTests: 'bool', debug: 'bool', devel: 'bool',
  })),
  helmChartInflationGenerator: listOf(struct('HelmChartArgs', {
    chartName: 'string', chartVersion: 'string', chartRepoUrl: 'string', chartHome: 'string', chartRepoName: 'string',
    helmBin: 'string', helmHome: 'string', values: 'string', valuesLocal: 'anyMap', valuesMerge: 'string',
    releaseName: 'string', releaseNamespace: 'string', extraArgs: strings,
  })),
  generatorOptions,
  configurations: strings,
  generators: strings,
  transformers: strings,
  validators: strings,
  buildMetadata: strings,
});

/** Deprecated fields kubectl still accepts (with a warning on stderr), and what replaces them. */
export const deprecatedFields: Readonly<Record<string, string>> = {
  bases: 'resources',
  imageTags: 'images',
  patchesJson6902: 'patches',
  patchesStrategicMerge: 'patches',
  vars: 'replacements',
  commonLabels: 'labels',
  helmChartInflationGenerator: 'helmCharts',
};
