import type { SourceLocation } from '../../provenance';
import { RenderError, diagnostic } from '../../result';

export const kustomizationApiVersion = 'kustomize.config.k8s.io/v1beta1';
export const componentApiVersion = 'kustomize.config.k8s.io/v1alpha1';

type Locate = (key: string) => SourceLocation;

/**
 * kustomize's checks after decoding, in its order (api/internal/target/kusttarget.go
 * Load): an empty kustomization is an error, then kind and apiVersion must agree
 * (api/types/kustomization.go EnforceFields). Both may be omitted.
 */
export function checkKustomizationHeader(file: string, data: Record<string, unknown>, locate: Locate): void {
  if (isEmpty(data)) {
    throw new RenderError(diagnostic(file, 'the kustomization is empty: list resources, components or generators (kubectl: kustomization.yaml is empty)', locate('')));
  }
  const kind = data['kind'];
  if (kind !== undefined && kind !== null && kind !== '' && kind !== 'Kustomization' && kind !== 'Component') {
    throw new RenderError(diagnostic(file, `kind should be Kustomization or Component, not ${String(kind)}`, locate('kind')));
  }
  const apiVersion = data['apiVersion'];
  const required = kind === 'Component' ? componentApiVersion : kustomizationApiVersion;
  if (apiVersion !== undefined && apiVersion !== null && apiVersion !== '' && apiVersion !== required) {
    throw new RenderError(diagnostic(file, `apiVersion for ${kind === 'Component' ? 'Component' : 'Kustomization'} should be ${required}, not ${String(apiVersion)}`, locate('apiVersion')));
  }
}

/**
 * Go's zero Kustomization, ignoring apiVersion and kind: every field absent, null or
 * an empty string. An empty list or mapping (`resources: []`) is not empty to Go.
 */
function isEmpty(data: Record<string, unknown>): boolean {
  return Object.entries(data).every(([key, value]) => key === 'apiVersion' || key === 'kind' || value === null || value === undefined || value === '');
}
