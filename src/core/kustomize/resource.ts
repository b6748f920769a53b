import type { SourceLocation } from '../provenance';
import { isRecord } from '../fieldPath';

/** A Kubernetes object inside the renderer, with where it was declared. */
export interface Resource {
  /** The object, mutated in place by transformers. */
  readonly object: Record<string, unknown> & { metadata: Record<string, unknown> };
  /** The document that declared it. */
  readonly origin: SourceLocation;
  /** Name and namespace before any transformer ran; patches and replicas may target either. */
  readonly originalName: string;
  readonly originalNamespace: string | undefined;
  /** Generated ConfigMaps and Secrets: the root appends `-<content hash>` to the name. */
  readonly hashSuffix?: boolean;
  /** Earlier ids and added affixes (kustomize's build annotations); see naming/nameHistory.ts. */
  naming?: NameHistory;
}

/** What kustomize remembers about renames so the root can fix name references. */
export interface NameHistory {
  /** Ids the resource had before each rename or namespace change, oldest first. */
  readonly previousIds: ResourceId[];
  /** Prefixes and suffixes added, innermost first. */
  readonly prefixes: string[];
  readonly suffixes: string[];
}

export interface ResourceId {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const at = apiVersion.indexOf('/');
  return at < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, at), version: apiVersion.slice(at + 1) };
}

export function resourceId(r: Resource): ResourceId {
  const { group, version } = splitApiVersion(stringField(r.object, 'apiVersion'));
  return { group, version, kind: stringField(r.object, 'kind'), namespace: namespaceOf(r), name: nameOf(r) };
}

export function nameOf(r: Resource): string {
  const metadata = r.object.metadata;
  return metadata['name'] === null ? (nullNameTexts.get(metadata) ?? '') : stringField(metadata, 'name');
}

/** metadata maps whose name prints null but whose node holds text (`null`, `~`) that names the resource, as kyaml's GetName reads it. */
const nullNameTexts = new WeakMap<object, string>();

/** Records the text of a name that reads as null, written into an untagged node (replacements). */
export function noteNullNameText(metadata: object, text: string): void {
  nullNameTexts.set(metadata, text);
}

export function namespaceOf(r: Resource): string | undefined {
  const ns = r.object.metadata['namespace'];
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}

export function kindOf(r: Resource): string {
  return stringField(r.object, 'kind');
}

/** `Deployment.v1.apps/guestbook.guestbook-prod`, kustomize's way of naming a resource in messages. */
export function formatResourceId(id: ResourceId): string {
  const gvk = [id.kind, id.version, id.group].filter((p) => p !== '').join('.');
  return `${gvk}/${id.name}.${id.namespace ?? '[noNs]'}`;
}

export function sameId(a: ResourceId, b: ResourceId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name && (a.namespace ?? 'default') === (b.namespace ?? 'default');
}

/** The field's text, as kyaml's GetName reads a node's value: a plain `false` or `5` names too. */
function stringField(obj: Record<string, unknown>, key: string): string {
  const v = obj[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function asObject(value: unknown): Resource['object'] | undefined {
  if (!isRecord(value) || !isRecord(value['metadata'])) return undefined;
  return value as Resource['object'];
}
