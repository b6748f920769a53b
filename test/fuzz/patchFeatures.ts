import { stringify } from 'yaml';
import type { AppResources, Obj } from './baseResources';
import { yamlFile, type FuzzFile } from './fuzzCase';
import type { Random } from './random';
import { annotationKey, images, labelValue, plainValues } from './values';

// `patches` (strategic merge and JSON 6902; inline, from a file, with targets), and the
// deprecated `patchesStrategicMerge` / `patchesJson6902`, aimed at what the bases hold.

export interface Layer {
  readonly rng: Random;
  readonly files: Record<string, FuzzFile>;
  /** The layer's directory, relative to the case root. */
  readonly dir: string;
  readonly k: Obj;
  readonly apps: readonly AppResources[];
}

function push(k: Obj, field: string, item: unknown): void {
  const list = (k[field] ??= []) as unknown[];
  list.push(item);
}

function workloadOf(app: AppResources): string {
  return app.kinds.has('Deployment') ? 'Deployment' : 'StatefulSet';
}

// What a patch writes plain or quoted over a field: kyaml gives the value the style of the
// field it lands on, so plain `5` or `2024-01-02` over a quoted value stays text.
const patchScalars: readonly unknown[] = [5, 0, 1.5, true, false, '2024-01-02', '2024-01-02T10:00:00Z', '5', 'true', 'yes', 'info', '', 'a: b'];

/** A patch of scalars only: an app's ConfigMap data, or its pod template's annotations. */
function scalarPatch(rng: Random, app: AppResources): Obj {
  if (app.kinds.has('ConfigMap') && rng.chance(0.6)) {
    const data: Obj = { mode: rng.pick(patchScalars) };
    if (rng.chance(0.4)) data['extra'] = rng.pick(patchScalars);
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app.app}-config` }, data };
  }
  const annotations = { [annotationKey(rng)]: rng.pick(patchScalars) };
  return { apiVersion: 'apps/v1', kind: workloadOf(app), metadata: { name: app.app }, spec: { template: { metadata: { annotations } } } };
}

function smpPatch(rng: Random, app: AppResources): Obj {
  const c: Obj = { name: app.app };
  const pick = rng.int(0, 4);
  if (pick === 0) c['image'] = rng.pick(images);
  if (pick <= 1) c['env'] = [{ name: rng.pick(['FEATURE_X', 'LOG_LEVEL']), value: rng.chance(0.3) ? rng.pick(patchScalars) : labelValue(rng) }];
  if (pick === 2) c['resources'] = { limits: { cpu: rng.pick(['500m', '2']), memory: '512Mi' } };
  if (pick === 3) c['ports'] = [{ name: 'metrics', containerPort: 9102 }];
  const spec: Obj = { template: { spec: { containers: [c] } } };
  if (pick === 4) (spec['template'] as Obj)['metadata'] = { annotations: { [annotationKey(rng)]: labelValue(rng) } };
  if (rng.chance(0.4)) spec['replicas'] = rng.int(2, 6);
  const patch: Obj = { apiVersion: 'apps/v1', kind: workloadOf(app), metadata: { name: app.app }, spec };
  if (rng.chance(0.1)) ((spec['template'] as Obj)['spec'] as Obj)['containers'] = [{ name: 'sidecar', $patch: 'delete' }];
  return patch;
}

function jsonOps(rng: Random): Obj[] {
  const ops: Obj[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const choice = rng.int(0, 4);
    if (choice === 0) ops.push({ op: 'replace', path: '/spec/template/spec/containers/0/image', value: rng.pick(images) });
    if (choice === 1) ops.push({ op: 'add', path: '/spec/replicas', value: rng.int(1, 9) });
    if (choice === 2) ops.push({ op: 'add', path: '/metadata/labels/patched', value: rng.pick(plainValues) });
    if (choice === 3) ops.push({ op: 'add', path: '/spec/template/spec/containers/0/args', value: ['--json-patched', labelValue(rng)] });
    if (choice === 4) ops.push({ op: 'add', path: '/metadata/annotations', value: { [annotationKey(rng)]: labelValue(rng) } });
  }
  return ops;
}

function target(rng: Random, app: AppResources): Obj {
  const kind = workloadOf(app);
  const how = rng.int(0, 3);
  if (how === 0) return { group: 'apps', version: 'v1', kind, name: app.app };
  if (how === 1) return { kind, labelSelector: `app=${app.app}` };
  if (how === 2) return { kind, name: `${app.app.slice(0, 2)}.*` };
  return { kind: rng.pick(['Deployment|StatefulSet', 'Deployment']) };
}

/** Adds one to three patches of assorted forms to the layer. */
export function addPatches(layer: Layer): void {
  const { rng, k, files, dir } = layer;
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const app = rng.pick(layer.apps);
    const form = rng.int(0, 6);
    const file = `patch-${i}.yaml`;
    if (form === 0) push(k, 'patches', { patch: stringify(smpPatch(rng, app)) });
    if (form === 1) {
      files[`${dir}/${file}`] = yamlFile(smpPatch(rng, app));
      push(k, 'patches', { path: file });
    }
    if (form === 2) {
      const patch = smpPatch(rng, app);
      (patch['metadata'] as Obj)['name'] = 'not-used';
      push(k, 'patches', { patch: stringify(patch), target: target(rng, app) });
    }
    if (form === 3) push(k, 'patches', { patch: stringify(jsonOps(rng)), target: target(rng, app) });
    if (form === 4) {
      files[`${dir}/${file}`] = yamlFile(jsonOps(rng));
      push(k, 'patches', { path: file, target: target(rng, app) });
    }
    if (form === 5) {
      files[`${dir}/${file}`] = yamlFile(smpPatch(rng, app));
      push(k, 'patchesStrategicMerge', file);
    }
    if (form === 6) {
      files[`${dir}/${file}`] = yamlFile(jsonOps(rng));
      push(k, 'patchesJson6902', { target: { group: 'apps', version: 'v1', kind: workloadOf(app), name: app.app }, path: file });
    }
  }
  if (rng.chance(0.3)) {
    const app = rng.pick(layer.apps);
    if (rng.chance(0.5)) push(k, 'patches', { patch: stringify(scalarPatch(rng, app)) });
    else {
      const file = `scalars-${dir.replace(/\W/g, '-')}.yaml`;
      files[`${dir}/${file}`] = yamlFile(scalarPatch(rng, app));
      push(k, 'patches', { path: file });
    }
  }
  if (rng.chance(0.2)) addDataJsonPatch(layer, rng.pick(layer.apps));
  if (rng.chance(0.2)) addClearingPatch(layer, rng.pick(layer.apps));
  if (rng.chance(0.15)) {
    const app = rng.pick(layer.apps);
    if (app.kinds.has('Service')) push(k, 'patches', { patch: stringify({ $patch: 'delete', apiVersion: 'v1', kind: 'Service', metadata: { name: app.app } }) });
  }
}

/** JSON 6902 on an app's ConfigMap data: kustomize reads the result back from JSON, restyling every string. */
function addDataJsonPatch(layer: Layer, app: AppResources): void {
  if (!app.kinds.has('ConfigMap')) return;
  const { rng, k } = layer;
  const ops: Obj[] = [{ op: rng.pick(['add', 'replace']), path: '/data/mode', value: rng.pick(patchScalars) }];
  if (rng.chance(0.5)) ops.push({ op: 'add', path: '/data/added', value: labelValue(rng) });
  if (rng.chance(0.2)) ops.push({ op: 'remove', path: '/data/config.yaml' });
  push(k, 'patches', { patch: stringify(ops), target: { kind: 'ConfigMap', name: `${app.app}-config` } });
}

/** A strategic merge patch that deletes fields (`null`) or replaces a map whole (`$patch: replace`). */
function addClearingPatch(layer: Layer, app: AppResources): void {
  const { rng, k } = layer;
  const spec: Obj = {};
  const how = rng.int(0, 2);
  if (how === 0) spec['replicas'] = null;
  if (how === 1) spec['selector'] = { $patch: 'replace', matchLabels: { app: app.app, track: rng.pick(plainValues) } };
  if (how === 2) spec['template'] = { spec: { containers: [{ name: app.app, resources: null, env: rng.chance(0.5) ? null : [{ name: 'LOG_LEVEL', $patch: 'delete' }] }] } };
  push(k, 'patches', { patch: stringify({ apiVersion: 'apps/v1', kind: workloadOf(app), metadata: { name: app.app }, spec }) });
}
