import { diagnostic, type Diagnostic } from '../../result';
import type { Kustomization } from '../kustomization';
import type { GeneratorEntry } from './generatorEntry';
import type { KvPair } from './kvPairs';

// kubectl v1.35 (kustomize v5.7.1) generates keys the API server will refuse
// (IsConfigMapKey: [-._a-zA-Z0-9]+, at most 253 characters, not `.`, `..` or `..…`).
// The output must match kubectl, so these are warnings rather than errors.

const validKey = /^[-._a-zA-Z0-9]+$/;

export function warnAboutInvalidKeys(k: Kustomization, entry: GeneratorEntry, pairs: readonly KvPair[], warnings: Diagnostic[]): void {
  for (const p of pairs) {
    if (validKey.test(p.key) && p.key.length <= 253 && p.key !== '.' && !p.key.startsWith('..')) continue;
    warnings.push(diagnostic(k.file, `${entry.field} '${entry.name}': '${p.key}' is not a valid ${entry.kind} key; the API server will reject it`, p.at, 'warning'));
  }
}
