import { parseAllDocuments } from 'yaml';
import type { Provenance, SourceLocation } from '../../provenance';
import type { Diagnostic } from '../../result';
import { isRecord } from '../../fieldPath';
import type { RenderKind } from '../model';

/** One object an app wants in the cluster, with the document that declared it. */
export interface DesiredObject {
  readonly object: Record<string, unknown> & { metadata: Record<string, unknown> };
  readonly origin: SourceLocation;
}

export type AppRenderStatus = 'rendered' | 'not-rendered' | 'error';

export interface AppRender {
  readonly kind?: RenderKind;
  readonly status: AppRenderStatus;
  /** "3 objects", "not rendered: helm not found", or the first error. */
  readonly message: string;
  readonly objects: readonly DesiredObject[];
  /** Field-level provenance (in-process kustomize and plain directories); absent when only per-resource origins are known. */
  readonly provenance?: Provenance;
  readonly diagnostics: readonly Diagnostic[];
}

export function isObjectDoc(v: unknown): v is DesiredObject['object'] {
  return isRecord(v) && typeof v['kind'] === 'string' && typeof v['apiVersion'] === 'string' && isRecord(v['metadata']);
}

/** `kind: List` documents stand for their items, as kubectl and Argo CD read them. */
export function expandLists(object: DesiredObject['object']): DesiredObject['object'][] {
  if (!(object.kind as string).endsWith('List') || !Array.isArray(object['items'])) return [object];
  return object['items'].filter(isObjectDoc);
}

/**
 * The objects of a YAML stream a program printed. `originOf` maps a document (and its
 * `# Source:` comment, which helm writes) to where it came from.
 */
export function parseObjectStream(text: string, originOf: (source: string | undefined) => SourceLocation): { objects: DesiredObject[]; error?: string } {
  const objects: DesiredObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return { objects, error: `invalid YAML in output: ${doc.errors[0]?.message.split('\n')[0] ?? ''}` };
    const value: unknown = doc.toJS();
    if (!isObjectDoc(value)) continue;
    const source = /# Source: (\S+)/.exec(text.slice(doc.range[0], doc.range[2]))?.[1];
    for (const object of expandLists(value)) objects.push({ object, origin: originOf(source) });
  }
  return { objects };
}

export function countMessage(n: number): string {
  return `${n} object${n === 1 ? '' : 's'}`;
}
