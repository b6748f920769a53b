import { Provenance } from '../../provenance';
import type { RenderResult } from '../../kustomize/render';
import type { AppRender } from './desiredObjects';

/**
 * An app's render in the shape the diff and sync engines take. Sources without
 * field-level provenance (helm, external renderers) still locate each object.
 */
export function asRenderResult(render: AppRender): RenderResult {
  return {
    resources: render.objects.map(({ object, origin }) => {
      const ns = object.metadata['namespace'];
      return { object, origin, originalName: String(object.metadata['name'] ?? ''), originalNamespace: typeof ns === 'string' ? ns : undefined };
    }),
    provenance: render.provenance ?? new Provenance(),
    warnings: render.diagnostics.filter((d) => d.severity === 'warning'),
  };
}
