import { propagateWrite } from '../sharedValues';
import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic, type Diagnostic } from '../../result';
import type { FieldWrite, Provenance } from '../../provenance';
import { isParsedPlainNull, isPlainTimestamp, nodeText, parsedPlainText } from '../patches/scalarStyle';
import { noteNullNameText, type Resource } from '../resource';
import type { TransformerInput } from '../transformers/pipeline';
import { loadReplacements } from './replacementList';
import { hiddenTag, isPlainTagged, markTag, markPlainTyped } from '../scalarTags';
import { noteUndecodable } from './undecodable';
import { goyamlV3NumberTag } from '../../yaml/goyamlV3Number';
import { createdLeaf, setFieldValue, type TargetNode, type DelimiterOptions } from './applyValue';
import { PathError, matchPath, readSlot, scalarText, writeSlot, type FieldSlot } from './pathMatcher';
import { formatSelector, idsOf, isIdSelectorEmpty, isSelectedBy, matchesMapSelector, type IdSelector, type ResourceSelector } from './selectResources';

// The `replacements` transformer, last of kustomize's builtins
// (api/filters/replacement/replacement.go): copy one source field into N target fields.

export async function transformReplacements({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  if (k.data['replacements'] === undefined || k.data['replacements'] === null) return;
  for (const entry of await loadReplacements(ctx, k)) {
    const problem = (message: string, parent: object = entry.value, key?: string | number): Diagnostic => diagnostic(entry.file, message, key === undefined ? entry.at : entry.locate(parent, key));
    const fail = (message: string, parent: object = entry.value, key?: string | number): never => {
      throw new RenderError(problem(message, parent, key));
    };
    const source = entry.value['source'];
    const targets = entry.value['targets'];
    // kustomize reads `targets: []` as no targets at all (omitempty).
    if (!isRecord(source) || targets === undefined || targets === null || (Array.isArray(targets) && targets.length === 0)) fail('replacements must specify a source and at least one target');
    if (!isRecord(source) || !Array.isArray(targets)) return fail('replacements targets must be a list');
    const { value, text } = sourceValue(ctx.provenance, resources, source, (m, key) => fail(m, source, key in source ? key : Object.keys(source)[0]));
    const write: FieldWrite = { ...entry.at, operation: 'replacement' };
    targets.forEach((target, index) => {
      if (!isRecord(target) || !isRecord(target['select'])) return fail('target must specify resources to select', targets, index);
      applyTarget(ctx.provenance, resources, target, { value, text }, write, { fail: (m, parent, key) => fail(m, parent, key), problem });
    });
  }
}

/** The source field's value, and the text its node holds (what a scalar target takes). */
interface SourceValue {
  readonly value: unknown;
  readonly text: string | undefined;
}

function sourceValue(provenance: Provenance, resources: readonly Resource[], source: Record<string, unknown>, fail: (message: string, key: string) => never): SourceValue {
  const selector = idSelector(source);
  const matches = resources.filter((r) => idsOf(r).some((id) => isSelectedBy(id, selector)));
  if (matches.length > 1) fail(`multiple matches for selector ${formatSelector(selector)} in replacement source`, 'kind');
  const match = matches[0];
  if (!match) return fail(`nothing selected by ${formatSelector(selector)} in replacement source`, 'kind');
  const fieldPath = stringOf(source['fieldPath']) || 'metadata.name';
  const slot = matchPath(match.object, fieldPath, undefined)[0];
  const found = slot === undefined ? undefined : readSlot(slot);
  const plainNull = slot !== undefined && !Array.isArray(slot.parent) && isParsedPlainNull(provenance, slot.parent, String(slot.key), found);
  if (found === undefined || found === null || plainNull || (Array.isArray(found) && found.length === 0) || (isRecord(found) && Object.keys(found).length === 0)) {
    fail(`fieldPath \`${fieldPath}\` is missing for replacement source ${formatSelector(selector)}`, 'fieldPath');
  }
  const options = delimiterOptions(source['options']);
  const text = slot === undefined || Array.isArray(slot.parent) ? scalarText(found) : nodeText(provenance, slot.parent, String(slot.key), found);
  if (!options.delimiter) return { value: found, text };
  if (text === undefined) return fail('delimiter option can only be used with scalar nodes', 'options');
  const parts = text.split(options.delimiter);
  const index = options.index ?? 0;
  if (index < 0 || index >= parts.length) return fail(`options.index ${index} is out of bounds for value ${text}`, 'options');
  return { value: parts[index], text: parts[index] };
}

interface Problems {
  readonly fail: (message: string, parent: object, key: string | number) => never;
  /** The located diagnostic, for a problem kubectl meets only later (undecodable.ts). */
  readonly problem: (message: string, parent: object, key: string | number) => Diagnostic;
}

function applyTarget(provenance: Provenance, resources: readonly Resource[], target: Record<string, unknown>, { value, text }: SourceValue, write: FieldWrite, { fail, problem }: Problems): void {
  const select = resourceSelector(target['select']);
  const rejects = Array.isArray(target['reject']) ? target['reject'].map(resourceSelector) : [];
  const fieldPaths = Array.isArray(target['fieldPaths']) && target['fieldPaths'].length > 0 ? target['fieldPaths'].map(String) : ['metadata.name'];
  const options = delimiterOptions(target['options']);
  const create = isRecord(target['options']) && target['options']['create'] === true;
  const record = provenance.record.bind(provenance);
  for (const r of resources) {
    if (!matchesMapSelector(select.labelSelector, r.object.metadata['labels'])) continue;
    if (!matchesMapSelector(select.annotationSelector, r.object.metadata['annotations'])) continue;
    // Select and reject are judged id by id: a renamed resource is picked by either name.
    const ids = idsOf(r);
    const picked = ids.some((id) => isSelectedBy(id, select) && !rejects.some((rej) => !isIdSelectorEmpty(rej) && isSelectedBy(id, rej)));
    if (!picked) continue;
    for (const [index, fieldPath] of fieldPaths.entries()) {
      const pathAt: [object, string | number] = Array.isArray(target['fieldPaths']) && target['fieldPaths'].length > 0 ? [target['fieldPaths'], index] : [target, 'select'];
      let slots: FieldSlot[];
      const what = create ? 'unable to find or create field' : 'unable to find field';
      try {
        slots = matchPath(r.object, fieldPath, create ? () => (isRecord(value) ? {} : Array.isArray(value) ? [] : createdLeaf) : undefined);
      } catch (e) {
        if (e instanceof PathError) return fail(`${what} "${fieldPath}" in replacement target: ${e.message}`, ...pathAt);
        throw e;
      }
      if (slots.length === 0) fail(`${what} "${fieldPath}" in replacement target ${ids[0] ? `${ids[0].kind}/${ids[0].name}` : ''}`.trimEnd(), ...pathAt);
      for (const slot of slots) {
        const before = readSlot(slot);
        const node = targetNode(provenance, slot, before);
        const result = setFieldValue(slot, value, options, text, node);
        // A delimiter problem is the options'; a text the target's tag cannot hold, the field path's.
        if ('problem' in result) return fail(result.problem, ...(result.problem.startsWith('delimiter') ? ([target, 'options'] as [object, string]) : pathAt));
        // kustomize re-reads metadata.annotations as map[string]string before printing: the
        // node's text, not what it resolves to (a date stays as written, not RFC 3339).
        const written = readSlot(slot);
        if (slot.parent === r.object.metadata['annotations'] && (written === null || typeof written !== 'object')) {
          if (result.text !== undefined) writeSlot(slot, result.text);
          else if (typeof written === 'number' || typeof written === 'boolean') writeSlot(slot, String(written));
        }
        record(slot.parent, slot.key, write);
        if (result.undecodable !== undefined) noteUndecodable(provenance, { parent: slot.parent, key: slot.key, write, diagnostic: problem(result.undecodable, ...pathAt) });
        // The node keeps its tag: a later replacement into it reads the text so too.
        if (node.quoted === true && node.tag !== undefined && (written === null || typeof written !== 'object')) markTag(provenance, slot.parent, slot.key, node.tag);
        // An untagged node keeps the text as copied (`1.0`, though it prints 1).
        else if (node.tag === '') markTag(provenance, slot.parent, slot.key, '', undefined, result.text);
        // A plain typed node keeps its tag too: a date set into a date is still one for the next replacement.
        else if (node.tag !== undefined && node.tag !== '!!str' && (written === null || typeof written !== 'object')) markPlainTyped(provenance, slot.parent, slot.key, node.tag, result.text);
        if (slot.parent === r.object.metadata && slot.key === 'name' && written === null && result.text) noteNullNameText(slot.parent, result.text);
        // An existing scalar is set in place: fields sharing its node change too (sharedValues.ts).
        if (!Array.isArray(slot.parent) && typeof slot.key === 'string' && before !== createdLeaf && before !== undefined && typeof before !== 'object') {
          propagateWrite(record, slot.parent, slot.key, before, write);
        }
      }
    }
  }
}

/**
 * The target's node where its value does not say it all: untagged or a typed node in a
 * quoted style (scalarTags.ts), or a plain typed node: a number's tag as written (a plain
 * `1.0` is a !!float node though it holds an integer), a timestamp's.
 */
function targetNode(provenance: Provenance, slot: FieldSlot, before: unknown): TargetNode {
  if (before === createdLeaf) return { tag: '' };
  const hidden = hiddenTag(provenance, slot.parent, slot.key);
  if (hidden !== undefined) return { tag: hidden, quoted: hidden !== '' && !isPlainTagged(provenance, slot.parent, slot.key) };
  if (typeof before === 'boolean') return { tag: '!!bool' };
  if (typeof before !== 'number' && typeof before !== 'string') return {};
  if (Array.isArray(slot.parent)) return typeof before === 'number' ? { tag: Number.isInteger(before) ? '!!int' : '!!float' } : {};
  const key = String(slot.key);
  if (typeof before === 'string') return isPlainTimestamp(provenance, slot.parent, key, before) ? { tag: '!!timestamp' } : {};
  const plain = parsedPlainText(provenance, slot.parent, key);
  return { tag: goyamlV3NumberTag(plain ?? String(before)) ?? (Number.isInteger(before) ? '!!int' : '!!float') };
}

function idSelector(v: Record<string, unknown>): IdSelector {
  return { group: stringOf(v['group']), version: stringOf(v['version']), kind: stringOf(v['kind']), name: stringOf(v['name']), namespace: stringOf(v['namespace']) };
}

function resourceSelector(v: unknown): ResourceSelector {
  if (!isRecord(v)) return {};
  return { ...idSelector(v), labelSelector: stringOf(v['labelSelector']), annotationSelector: stringOf(v['annotationSelector']) };
}

function delimiterOptions(v: unknown): DelimiterOptions {
  if (!isRecord(v)) return {};
  return { delimiter: stringOf(v['delimiter']), index: typeof v['index'] === 'number' ? v['index'] : 0 };
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

