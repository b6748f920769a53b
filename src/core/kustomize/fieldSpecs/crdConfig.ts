import { Provenance } from '../../provenance';
import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { parseTracked } from '../../yaml/trackedParse';
import type { FieldSpec, NameBackReference } from './fieldSpec';
import { emptyConfig, type TransformerConfig } from './transformerConfig';

// A `crds` file is not a CustomResourceDefinition: it is an OpenAPI definitions map
// (`{"<pkg>.<Kind>": {"Schema": {...}}}`), as kustomize's loadconfigfromcrds.go reads it.
// Properties marked with x-kubernetes-* extensions become fieldSpecs for the type's kind
// (the part of the type name after the last dot), following `$ref`s into other definitions.

const objectRefVersion = 'x-kubernetes-object-ref-api-version';
const objectRefKind = 'x-kubernetes-object-ref-kind';
const objectRefNameKey = 'x-kubernetes-object-ref-name-key';

interface Collected {
  readonly commonLabels: FieldSpec[];
  readonly commonAnnotations: FieldSpec[];
  readonly namePrefix: FieldSpec[];
  readonly nameReference: NameBackReference[];
}

export function parseCrdFile(file: string, text: string): TransformerConfig {
  const parsed = parseTracked(file, text, new Provenance(), 'crds');
  if (!parsed.ok) throw new RenderError(parsed.error[0] ?? diagnostic(file, 'invalid YAML'));
  const definitions = parsed.value[0]?.value;
  if (!isRecord(definitions)) throw new RenderError(diagnostic(file, `unable to parse open API definition from '${file}'`, parsed.value[0]?.location));
  const out: Collected = { commonLabels: [], commonAnnotations: [], namePrefix: [], nameReference: [] };
  for (const [typeName, definition] of Object.entries(definitions)) {
    if (!looksLikeKubernetesType(propertiesOf(definition))) continue;
    const kind = typeName.split('.').pop() ?? typeName;
    collect(out, kind, definitions, typeName, [], new Set());
  }
  return { ...emptyConfig, ...out };
}

function propertiesOf(definition: unknown): Record<string, unknown> {
  const schema = isRecord(definition) ? definition['Schema'] : undefined;
  const properties = isRecord(schema) ? schema['properties'] : undefined;
  return isRecord(properties) ? properties : {};
}

function looksLikeKubernetesType(properties: Record<string, unknown>): boolean {
  return 'kind' in properties && 'apiVersion' in properties && 'metadata' in properties;
}

function collect(out: Collected, kind: string, definitions: Record<string, unknown>, typeName: string, path: readonly string[], seen: Set<string>): void {
  if (!(typeName in definitions) || seen.has(typeName)) return;
  const inner = new Set(seen).add(typeName);
  for (const [name, property] of Object.entries(propertiesOf(definitions[typeName]))) {
    if (!isRecord(property)) continue;
    const here = [...path, name];
    const spec = (p: readonly string[]): FieldSpec => ({ kind, path: p.join('/') });
    if ('x-kubernetes-annotation' in property) out.commonAnnotations.push(spec(here));
    if ('x-kubernetes-label-selector' in property) out.commonLabels.push(spec(here));
    if ('x-kubernetes-identity' in property) out.namePrefix.push(spec(here));
    const version = property[objectRefVersion];
    const refKind = property[objectRefKind];
    if (typeof version === 'string' && typeof refKind === 'string') {
      const nameKey = property[objectRefNameKey];
      out.nameReference.push({ kind: refKind, version, fieldSpecs: [spec([...here, typeof nameKey === 'string' ? nameKey : 'name'])] });
    }
    const ref = property['$ref'];
    if (typeof ref === 'string') collect(out, kind, definitions, ref, here, inner);
  }
}
