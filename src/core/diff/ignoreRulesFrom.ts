import { isRecord } from '../fieldPath';
import type { IgnoreRule } from './ignoreRules';

/** Argo CD `spec.ignoreDifferences` entries (or a user setting) as IgnoreRules; malformed entries are dropped. */
export function ignoreRulesFrom(entries: readonly unknown[]): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry['kind'] !== 'string') continue;
    const strings = (key: string): string[] | undefined => (Array.isArray(entry[key]) ? (entry[key] as unknown[]).filter((v): v is string => typeof v === 'string') : undefined);
    const text = (key: string): string | undefined => (typeof entry[key] === 'string' ? (entry[key] as string) : undefined);
    rules.push({
      kind: entry['kind'],
      group: text('group'),
      name: text('name'),
      namespace: text('namespace'),
      jsonPointers: strings('jsonPointers'),
      jqPathExpressions: strings('jqPathExpressions'),
      managedFieldsManagers: strings('managedFieldsManagers'),
    });
  }
  return rules;
}
