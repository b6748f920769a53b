import { splitApiVersion } from '../resource';

// kustomize's FieldSpec (api/types/fieldspec.go): a slash-separated path to the fields a
// transformer writes, limited to the kinds its group/version/kind select.

export interface Gvk {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
}

export interface FieldSpec extends Gvk {
  /** `spec/template/metadata/labels`; lists are walked implicitly, `[]` only hints one; `\/` escapes a slash. */
  readonly path: string;
  /** Create missing fields on the way (kustomize's `create`). */
  readonly create?: boolean;
}

/** A nameReference entry: the kind named, and the fields that name it. */
export interface NameBackReference extends Gvk {
  readonly fieldSpecs: readonly FieldSpec[];
}

export interface ConcreteGvk {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

const gvks = new Map<string, ConcreteGvk>();

/** Memoized: transformers ask for every resource's gvk once per fieldSpec, a tenth of a check's time. */
export function gvkOf(object: Record<string, unknown>): ConcreteGvk {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  const key = `${apiVersion}\u0000${kind}`;
  let gvk = gvks.get(key);
  if (!gvk) {
    gvk = Object.freeze({ ...splitApiVersion(apiVersion), kind });
    gvks.set(key, gvk);
  }
  return gvk;
}

/** Gvk.IsSelected: every non-empty field of `selector` must equal the one of `gvk`. */
export function gvkSelects(selector: Gvk, gvk: ConcreteGvk): boolean {
  return (
    (!selector.group || selector.group === gvk.group) &&
    (!selector.version || selector.version === gvk.version) &&
    (!selector.kind || selector.kind === gvk.kind)
  );
}

export function sameGvk(a: Gvk, b: Gvk): boolean {
  return (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '') && (a.kind ?? '') === (b.kind ?? '');
}

const splitPaths = new Map<string, readonly string[]>();

/** kyaml's PathSplitter: split at `/` unless escaped as `\/`. Memoized: the tables are walked for every resource. */
export function splitFieldSpecPath(path: string): readonly string[] {
  let split = splitPaths.get(path);
  if (!split) {
    split = splitPath(path);
    splitPaths.set(path, split);
  }
  return split;
}

function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) {
    const last = out.length - 1;
    if (last >= 0 && out[last]?.endsWith('\\')) out[last] = `${out[last].slice(0, -1)}/${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * FsSlice.MergeAll: specs already present (same path, selected by the other's gvk) are kept
 * once; the same spec with a different `create` flag is kustomize's "conflicting fieldspecs".
 */
export function mergeFieldSpecs(into: readonly FieldSpec[], more: readonly FieldSpec[], onConflict: (spec: FieldSpec) => never): FieldSpec[] {
  const out = [...into];
  for (const spec of more) {
    const existing = out.find((e) => e.path === spec.path && gvkSelects(spec, { group: e.group ?? '', version: e.version ?? '', kind: e.kind ?? '' }));
    if (!existing) out.push(spec);
    else if (Boolean(existing.create) !== Boolean(spec.create)) onConflict(spec);
  }
  return out;
}

/** nbrSlice merge: entries for the same target gvk pool their referrer fields. */
export function mergeNameReferences(
  into: readonly NameBackReference[],
  more: readonly NameBackReference[],
  onConflict: (spec: FieldSpec) => never,
): NameBackReference[] {
  const out = [...into];
  for (const ref of more) {
    const at = out.findIndex((e) => sameGvk(e, ref));
    const existing = out[at];
    if (existing) out[at] = { ...existing, fieldSpecs: mergeFieldSpecs(existing.fieldSpecs, ref.fieldSpecs, onConflict) };
    else out.push(ref);
  }
  return out;
}
