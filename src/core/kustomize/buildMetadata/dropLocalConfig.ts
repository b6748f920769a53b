import { isRecord } from '../../fieldPath';
import type { RootPhaseInput } from '../rootPhase';

const localConfig = 'config.kubernetes.io/local-config';

/**
 * Drops resources annotated config.kubernetes.io/local-config with any value but
 * "false" — even "" (KustTarget.IgnoreLocal, kyaml's DropLocalNodes).
 */
export function dropLocalConfig({ resources }: RootPhaseInput): void {
  for (let i = resources.length - 1; i >= 0; i--) {
    const annotations = resources[i]?.object.metadata['annotations'];
    if (isRecord(annotations) && localConfig in annotations && annotations[localConfig] !== 'false') resources.splice(i, 1);
  }
}
