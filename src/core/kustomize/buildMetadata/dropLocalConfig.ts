import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { kindOf, nameOf, type Resource } from '../resource';
import type { RootPhaseInput } from '../rootPhase';

const localConfig = 'config.kubernetes.io/local-config';

/**
 * Drops resources annotated config.kubernetes.io/local-config with any value but
 * "false" — even "" (KustTarget.IgnoreLocal, kyaml's DropLocalNodes). DropLocalNodes
 * validates every resource's metadata on the way, so one a transformer left without a kind
 * or a name (a replacement copying "" into metadata.name) fails the build (kubectl-verified).
 */
export function dropLocalConfig({ resources }: RootPhaseInput): void {
  for (const r of resources) checkMetadata(r);
  for (let i = resources.length - 1; i >= 0; i--) {
    const annotations = resources[i]?.object.metadata['annotations'];
    if (isRecord(annotations) && localConfig in annotations && annotations[localConfig] !== 'false') resources.splice(i, 1);
  }
}

/** kyaml's GetValidatedMetadata: a kind, and a name unless the kind is a List. */
function checkMetadata(r: Resource): void {
  const kind = kindOf(r);
  // kyaml reads the node's text: `~` a replacement copied into an untagged name prints null but names (see nameOf).
  const missing = kind === '' ? 'kind' : !kind.endsWith('List') && nameOf(r) === '' ? 'metadata.name' : undefined;
  if (missing) throw new RenderError(diagnostic(r.origin.file, `missing ${missing} in object ${kind}`.trimEnd(), r.origin));
}
