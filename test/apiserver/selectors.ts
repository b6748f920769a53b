// labelSelector and fieldSelector query parameters (k8s.io/apimachinery/pkg/labels, /fields).
import { badRequest } from './apiErrors';
import type { KubeObject } from './objects';

type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

export type LabelSelector = (labels: Record<string, string>) => boolean;
export type FieldSelector = (object: KubeObject) => boolean;

/** Splits on commas that are not inside `in (a,b)` value sets. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') terms.push(current.trim());
  return terms;
}

function parseRequirement(term: string): Requirement {
  const setMatch = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (setMatch) {
    const values = (setMatch[3] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
    return { key: setMatch[1] ?? '', op: setMatch[2] === 'in' ? 'in' : 'notin', values };
  }
  const opMatch = /^([^\s!=]+)\s*(==|!=|=)\s*([^\s]*)$/.exec(term);
  if (opMatch) {
    const value = opMatch[3] ?? '';
    return { key: opMatch[1] ?? '', op: opMatch[2] === '!=' ? 'notin' : 'in', values: [value] };
  }
  if (/^![^\s!=]+$/.test(term)) return { key: term.slice(1), op: 'notexists' };
  if (/^[^\s!=()]+$/.test(term)) return { key: term, op: 'exists' };
  throw badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
}

function matches(requirement: Requirement, labels: Record<string, string>): boolean {
  const value = labels[requirement.key];
  switch (requirement.op) {
    case 'exists': return value !== undefined;
    case 'notexists': return value === undefined;
    case 'in': return value !== undefined && requirement.values.includes(value);
    case 'notin': return value === undefined || !requirement.values.includes(value);
  }
}

export function parseLabelSelector(selector: string | null): LabelSelector {
  if (selector === null || selector.trim() === '') return () => true;
  const requirements = splitTerms(selector).map(parseRequirement);
  return (labels) => requirements.every((r) => matches(r, labels));
}

/** Field labels the emulator can select on; the real server has a per-kind list too. */
const fieldValues: Record<string, (object: KubeObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
  'spec.nodeName': (o) => stringAt(o, 'spec', 'nodeName') ?? '',
  'status.phase': (o) => stringAt(o, 'status', 'phase') ?? '',
  type: (o) => (typeof o['type'] === 'string' ? o['type'] : ''),
};

function stringAt(object: KubeObject, section: string, field: string): string | undefined {
  const parent = object[section];
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return undefined;
  const value = (parent as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

export function parseFieldSelector(selector: string | null): FieldSelector {
  if (selector === null || selector.trim() === '') return () => true;
  const checks = selector.split(',').map((term) => {
    const match = /^([^!=]+)(==|!=|=)(.*)$/.exec(term.trim());
    if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field = '', op, value = ''] = match;
    const read = fieldValues[field];
    if (!read) throw badRequest(`field label not supported: ${field}`);
    return (object: KubeObject) => (read(object) === value) === (op !== '!=');
  });
  return (object) => checks.every((check) => check(object));
}
