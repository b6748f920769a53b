// CustomResourceDefinition (apiextensions.k8s.io/v1) → the ResourceTypes it serves, and the
// few validations that catch the usual mistakes in a hand-written CRD.
import { invalid } from './apiErrors';
import { isObject, type JsonObject, type JsonValue, type KubeObject } from './objects';
import type { PrinterColumn, ResourceType, ScalePaths } from './resourceTable';

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** No additionalPrinterColumns means one Age column (apiextensions serveDefaultColumnsIfEmpty). */
const defaultColumns: PrinterColumn[] = [{
  name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
}];

function printerColumns(version: JsonObject): PrinterColumn[] {
  const declared = objects(version['additionalPrinterColumns']);
  if (declared.length === 0) return defaultColumns;
  return declared.map((c) => {
    const column: PrinterColumn = { name: text(c['name']), type: text(c['type']) || 'string', jsonPath: text(c['jsonPath']) };
    if (typeof c['description'] === 'string') column.description = c['description'];
    if (typeof c['format'] === 'string') column.format = c['format'];
    if (typeof c['priority'] === 'number') column.priority = c['priority'];
    return column;
  });
}

function scalePaths(subresources: JsonObject | undefined): ScalePaths | undefined {
  const scale = subresources?.['scale'];
  if (!isObject(scale)) return undefined;
  const paths: ScalePaths = { specReplicasPath: text(scale['specReplicasPath']), statusReplicasPath: text(scale['statusReplicasPath']) };
  if (typeof scale['labelSelectorPath'] === 'string') paths.labelSelectorPath = scale['labelSelectorPath'];
  return paths;
}

export function isCrdType(type: { group: string; kind: string }): boolean {
  return type.group === 'apiextensions.k8s.io' && type.kind === 'CustomResourceDefinition';
}

/** The kinds a CRD serves: one ResourceType per served version. */
export function typesFromCrd(crd: KubeObject): ResourceType[] {
  const spec = isObject(crd['spec']) ? crd['spec'] : {};
  const names = isObject(spec['names']) ? spec['names'] : {};
  const kind = text(names['kind']);
  const plural = text(names['plural']);
  const group = text(spec['group']);
  return objects(spec['versions']).filter((v) => v['served'] !== false).map((version) => {
    const subresources = isObject(version['subresources']) ? version['subresources'] : undefined;
    const schema = isObject(version['schema']) && isObject(version['schema']['openAPIV3Schema']) ? version['schema']['openAPIV3Schema'] : {};
    const type: ResourceType = {
      group, version: text(version['name']), kind, plural,
      singular: text(names['singular']) || kind.toLowerCase(),
      namespaced: spec['scope'] !== 'Cluster',
      shortNames: strings(names['shortNames']),
      categories: strings(names['categories']),
      builtin: false,
      generation: true,
      statusSubresource: isObject(subresources?.['status']),
      schema,
      printerColumns: printerColumns(version),
      definedBy: crd.metadata.name ?? '',
    };
    const scale = scalePaths(subresources);
    if (scale) {
      type.scaleSubresource = true;
      type.scalePaths = scale;
    }
    return type;
  });
}

/** The validation errors people hit first with hand-written CRDs (apiextensions validation.go). */
export function validateCrd(crdType: ResourceType, crd: KubeObject): void {
  const name = crd.metadata.name ?? '';
  const spec = isObject(crd['spec']) ? crd['spec'] : {};
  const names = isObject(spec['names']) ? spec['names'] : {};
  const causes: { type: string; message: string; field: string }[] = [];
  const expected = `${text(names['plural'])}.${text(spec['group'])}`;
  if (name !== expected) {
    causes.push({ type: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": must be spec.names.plural+"."+spec.group` });
  }
  if (!text(names['kind'])) causes.push({ type: 'FieldValueRequired', field: 'spec.names.kind', message: 'Required value' });
  const versions = objects(spec['versions']);
  versions.forEach((version, i) => {
    const schema = isObject(version['schema']) ? version['schema']['openAPIV3Schema'] : undefined;
    if (!isObject(schema)) {
      causes.push({ type: 'FieldValueRequired', field: `spec.versions[${i}].schema.openAPIV3Schema`, message: 'Required value: schemas are required' });
    }
  });
  if (versions.filter((v) => v['storage'] === true).length !== 1) {
    causes.push({ type: 'FieldValueInvalid', field: 'spec.versions', message: 'Invalid value: must have exactly one version marked as storage version' });
  }
  if (causes.length > 0) throw invalid(crdType, name, causes);
}
