import type { RenderResult } from '../../kustomize/render';
import { Provenance, type FieldWrite, type PathSegment, type SourceLocation } from '../../provenance';
import type { Diagnostic } from '../../result';
import { parseTracked } from '../../yaml/trackedParse';
import type { AppModel } from '../model';
import { list, record } from '../values';
import { LazyProvenance } from './lazyProvenance';

// Argo CD's kustomize options render as a virtual kustomization (argoKustomizeOverlay.ts) that
// exists nowhere on disk. What it writes belongs to the Application that states the options:
// its `images:` / `namePrefix:` … line, so hints, hovers and traces point where the user edits.
// The virtual kustomization repeats the Application's kustomize keys (images[i] ↔ images[i]),
// so a write's line in the one gives the key path to look up in the other.

export interface ApplicationAttribution {
  /** The virtual kustomization the render read, and its text. */
  readonly overlayFile: string;
  readonly overlayText: string;
  readonly app: Pick<AppModel, 'location' | 'sources'>;
  /** The Application manifest's text (as the editor holds it); undefined if unreadable. */
  readonly appText: string | undefined;
  /** The app's source whose options were applied (index into `app.sources`). */
  readonly sourceIndex: number;
}

interface KeyLine {
  readonly line: number;
  readonly path: readonly PathSegment[];
}

/** Every key and item of the virtual kustomization with its line, by line then depth. */
function keyLines(file: string, text: string): KeyLine[] {
  const provenance = new Provenance();
  const parsed = parseTracked(file, text, provenance, 'argocd');
  const out: KeyLine[] = [];
  const walk = (node: unknown, path: readonly PathSegment[]): void => {
    if (node === null || typeof node !== 'object') return;
    const entries: Array<[PathSegment, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      const at = provenance.of(node, key)[0];
      if (at) out.push({ line: at.line, path: [...path, key] });
      walk(value, [...path, key]);
    }
  };
  if (parsed.ok) for (const doc of parsed.value) walk(doc.value, []);
  return out.sort((a, b) => a.line - b.line || a.path.length - b.path.length);
}

/** The deepest key at or above `line`: a write inside a block (a patch's text) belongs to its key. */
function pathAt(lines: readonly KeyLine[], line: number): readonly PathSegment[] | undefined {
  let found: KeyLine | undefined;
  for (const entry of lines) {
    if (entry.line > line) break;
    found = entry;
  }
  return found?.path;
}

interface KustomizeBlock {
  readonly node: Record<string, unknown>;
  readonly provenance: Provenance;
  /** The `kustomize:` key's own line. */
  readonly at: SourceLocation;
}

/** The source's `kustomize:` block in the Application (or the ApplicationSet template) at `app.location`. */
function kustomizeBlock(input: ApplicationAttribution): KustomizeBlock | undefined {
  if (input.appText === undefined) return undefined;
  const provenance = new Provenance();
  const parsed = parseTracked(input.app.location.file, input.appText, provenance, 'application');
  if (!parsed.ok) return undefined;
  const doc = parsed.value.filter((d) => d.location.line <= input.app.location.line).at(-1);
  const object = record(doc?.value);
  const spec = object['kind'] === 'ApplicationSet' ? record(record(record(object['spec'])['template'])['spec']) : record(object['spec']);
  const source = Array.isArray(spec['sources']) ? record(list(spec['sources'])[input.sourceIndex]) : record(spec['source']);
  const node = source['kustomize'];
  const at = provenance.of(source, 'kustomize')[0];
  return node !== null && typeof node === 'object' && !Array.isArray(node) && at ? { node: node as Record<string, unknown>, provenance, at } : undefined;
}

/** Maps a location in the virtual kustomization to the Application line stating the same key. */
function applicationLocator(input: ApplicationAttribution): (line: number) => { location: SourceLocation; key: string | undefined } {
  const lines = keyLines(input.overlayFile, input.overlayText);
  const block = kustomizeBlock(input);
  const fallback = block?.at ?? input.app.location;
  return (line) => {
    const path = pathAt(lines, line);
    const key = typeof path?.[0] === 'string' ? path[0] : undefined;
    const found = path && block ? block.provenance.at(block.node, path)[0] : undefined;
    const location = found ?? fallback;
    return { location: { file: location.file, line: location.line, column: location.column }, key };
  };
}

/** A write of the virtual kustomization as a write of the Application; other writes stay as they are. */
export function applicationWriteMapper(input: ApplicationAttribution): (write: FieldWrite) => FieldWrite {
  let locate: ReturnType<typeof applicationLocator> | undefined;
  return (write) => {
    if (write.file !== input.overlayFile) return write;
    locate ??= applicationLocator(input);
    const { location, key } = locate(write.line);
    return { ...write, ...location, operation: key ? `argocd.kustomize.${key}` : 'argocd.kustomize' };
  };
}

/**
 * `source` (the provenance of a render of the virtual kustomization) with every write the
 * Application's options made attributed to the Application; built on first use.
 */
export function attributedProvenance(source: Provenance, objects: readonly object[], input: ApplicationAttribution): Provenance {
  const map = applicationWriteMapper(input);
  return new LazyProvenance((into) => {
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const entries: Array<[PathSegment, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
      for (const [key, value] of entries) {
        const writes = source.of(node, key);
        // record() puts each write first: oldest to newest rebuilds the chain in order.
        for (let i = writes.length - 1; i >= 0; i--) into.record(node, key, map(writes[i]!));
        walk(value);
      }
    };
    for (const object of objects) walk(object);
  });
}

/** `rendered` (a render of the virtual kustomization) as the Application's: same objects, attributed writes and warnings. */
export function attributeToApplication(rendered: RenderResult, input: ApplicationAttribution): RenderResult {
  const provenance = attributedProvenance(rendered.provenance, rendered.resources.map((r) => r.object), input);
  return { ...rendered, provenance, warnings: attributeDiagnostics(rendered.warnings, input) };
}

/** Diagnostics about the virtual kustomization, located in the Application instead. */
export function attributeDiagnostics(diagnostics: readonly Diagnostic[], input: ApplicationAttribution): Diagnostic[] {
  const map = applicationWriteMapper(input);
  return diagnostics.map((d) => {
    if (d.file !== input.overlayFile) return d;
    const { file, line, column } = map({ file: d.file, line: d.line, column: d.column, operation: '' });
    return { ...d, file, line, column };
  });
}
