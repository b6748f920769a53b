import { isRecord } from '../../fieldPath';
import { basename, relative } from '../../paths';
import { RenderError, diagnostic } from '../../result';
import type { FieldWrite } from '../../provenance';
import type { Resource } from '../resource';
import { kustomizationFileNames, listField } from '../kustomization';
import type { RootPhaseInput } from '../rootPhase';

// `buildMetadata` (api/types/kustomization.go BuildMetadataOptions). Only the root's
// list counts: kustomize copies it into every base it builds, overriding theirs.

const options = ['originAnnotations', 'transformerAnnotations', 'managedByLabel'];
const originKey = 'config.kubernetes.io/origin';
const managedByKey = 'app.kubernetes.io/managed-by';
/** kubectl v1.35.2 vendors kustomize v5.7.1 and labels with that version. */
const managedByValue = 'kustomize-v5.7.1';

const generatorKinds: Readonly<Record<string, string>> = { ConfigMap: 'ConfigMapGenerator', Secret: 'SecretGenerator' };

export function applyBuildMetadata({ ctx, kustomization: k, resources }: RootPhaseInput): void {
  const entries = listField(k, 'buildMetadata');
  entries.forEach((entry, i) => {
    if (typeof entry !== 'string' || !options.includes(entry)) {
      throw new RenderError(diagnostic(k.file, `buildMetadata entries must be one of ${options.join(', ')}, not ${String(entry)}`, k.at(entries, i)));
    }
  });
  const unsupported = entries.indexOf('transformerAnnotations');
  if (unsupported >= 0) {
    throw new RenderError(diagnostic(k.file, 'buildMetadata transformerAnnotations is not rendered in-process yet; remove it or render with kubectl', k.at(entries, unsupported)));
  }
  const write = (i: number): FieldWrite => ({ ...k.at(entries, i), operation: 'buildMetadata' });
  const origin = entries.indexOf('originAnnotations');
  if (origin >= 0) {
    for (const r of resources) setMetadata(r, 'annotations', originKey, originAnnotation(k.dir, r), (parent, key) => ctx.provenance.record(parent, key, write(origin)));
  }
  const managed = entries.indexOf('managedByLabel');
  if (managed >= 0) {
    for (const r of resources) setMetadata(r, 'labels', managedByKey, managedByValue, (parent, key) => ctx.provenance.record(parent, key, write(managed)));
  }
}

/**
 * config.kubernetes.io/origin (api/resource/origin.go): a resource file's path relative
 * to the root kustomization, or, for a generated object, the kustomization file that
 * configured it and the builtin generator.
 */
function originAnnotation(rootDir: string, r: Resource): string {
  const file = relative(rootDir, r.origin.file);
  const generator = generatorKinds[String(r.object['kind'])];
  if (generator && (kustomizationFileNames as readonly string[]).includes(basename(r.origin.file))) {
    return `configuredIn: ${file}\nconfiguredBy:\n  apiVersion: builtin\n  kind: ${generator}\n`;
  }
  return `path: ${file}\n`;
}

function setMetadata(r: Resource, field: 'labels' | 'annotations', key: string, value: string, record: (parent: object, key: string) => void): void {
  const current = r.object.metadata[field];
  const map = isRecord(current) ? current : (r.object.metadata[field] = {});
  if (map[key] !== undefined) return;
  map[key] = value;
  record(map, key);
}
