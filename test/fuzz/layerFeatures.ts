import { splitImage } from '../../src/core/kustomize/transformers/imageReference';
import type { AppResources, Obj } from './baseResources';
import { textFile, yamlFile } from './fuzzCase';
import type { Layer } from './patchFeatures';
import type { Random } from './random';
import { annotationKey, dataValue, images, labelKey, labelValue, plainValues, record } from './values';

// The kustomization fields other than patches, each aimed at what the layers below hold.

export function addNaming(layer: Layer): void {
  const { rng, k } = layer;
  if (rng.chance(0.5)) k['namespace'] = rng.pick(['prod', 'staging', 'team-a', 'default']);
  if (rng.chance(0.4)) k['namePrefix'] = rng.pick(['prod-', 'eu-', 'x-']);
  if (rng.chance(0.3)) k['nameSuffix'] = rng.pick(['-v2', '-blue', '-canary']);
}

export function addLabels(layer: Layer): void {
  const { rng, k } = layer;
  if (rng.chance(0.4)) k['commonLabels'] = record(rng, rng.int(1, 2), labelKey, labelValue);
  if (rng.chance(0.4)) {
    const entry: Obj = { pairs: record(rng, rng.int(1, 2), labelKey, labelValue) };
    if (rng.chance(0.5)) entry['includeSelectors'] = rng.chance(0.5);
    if (rng.chance(0.5)) entry['includeTemplates'] = rng.chance(0.5);
    if (rng.chance(0.15)) entry['fields'] = [{ path: 'spec/selector/matchLabels', kind: 'PodDisruptionBudget', create: true }];
    k['labels'] = [entry];
  }
  if (rng.chance(0.4)) k['commonAnnotations'] = record(rng, rng.int(1, 2), annotationKey, labelValue);
}

export function addImages(layer: Layer): void {
  const { rng, k } = layer;
  const names = [...new Set(images.map((i) => splitImage(i).name))];
  k['images'] = rng.sample(names, rng.int(1, 3)).map((name) => {
    const entry: Obj = { name };
    const form = rng.int(0, 5);
    if (form === 0 || form === 3) entry['newName'] = rng.pick(['registry.example.com/mirror/app', 'ghcr.io/acme/fork', `${name}-fips`]);
    if (form === 1 || form === 3) entry['newTag'] = rng.pick(['v9.9.9', '2.0.1', 'latest', '1.0']);
    if (form === 2) entry['digest'] = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3';
    if (form === 4 || (form === 5 && rng.chance(0.5))) entry['tagSuffix'] = rng.pick(['-fips', '-debug', '.1']);
    if (form === 5) entry['newTag'] = 'stable';
    return entry;
  });
}

export function addReplicas(layer: Layer): void {
  const { rng, k } = layer;
  const app = rng.pick(layer.apps);
  // With `configurations` for Widget (addConfigurations), the same entry scales the app's Widget too.
  k['replicas'] = [{ name: app.app, count: rng.int(0, 7) }];
}

/** `configurations` that let images and replicas reach the Widget custom resource. */
export function addConfigurations(layer: Layer): void {
  const { rng, k, files, dir } = layer;
  const config: Obj = { images: [{ path: 'spec/image', kind: 'Widget' }] };
  if (rng.chance(0.5)) config['replicas'] = [{ path: 'spec/size', kind: 'Widget', create: true }];
  if (rng.chance(0.5)) config['nameReference'] = [{ kind: 'ConfigMap', version: 'v1', fieldSpecs: [{ path: 'spec/configRef', kind: 'Widget' }] }];
  files[`${dir}/widget-config.yaml`] = yamlFile(config);
  k['configurations'] = ['widget-config.yaml'];
}

export function addGenerators(layer: Layer, baseGenerated: readonly string[]): void {
  const { rng, k, files, dir } = layer;
  const app = rng.pick(layer.apps);
  const cms: Obj[] = [];
  const merging = baseGenerated.length > 0 && rng.chance(0.5);
  const cm: Obj = { name: merging ? rng.pick(baseGenerated) : `${app.app}-settings` };
  if (merging) cm['behavior'] = rng.pick(['merge', 'merge', 'replace']);
  if (rng.chance(0.7)) cm['literals'] = Object.entries(record(rng, rng.int(1, 3), (r) => r.pick(['MODE', 'REGION', 'FLAG', 'LIMIT']), dataValue)).map(([key, v]) => `${key}=${v.replace(/\n/g, ' ')}`);
  if (rng.chance(0.4)) {
    files[`${dir}/app.env`] = textFile(`# settings\nREGION=${rng.pick(plainValues)}\nQUOTED="a b"\nEMPTY=\n`);
    cm['envs'] = ['app.env'];
  }
  if (rng.chance(0.4) || (cm['literals'] === undefined && cm['envs'] === undefined)) {
    files[`${dir}/config.json`] = textFile(`{\n  "feature": ${rng.chance(0.5)},\n  "name": "${app.app}"\n}\n`);
    cm['files'] = [rng.chance(0.5) ? 'config.json' : 'settings.json=config.json'];
  }
  if (rng.chance(0.2)) cm['options'] = { disableNameSuffixHash: true, labels: { generated: 'yes' } };
  cms.push(cm);
  k['configMapGenerator'] = cms;
  if (rng.chance(0.4)) {
    k['secretGenerator'] = [{ name: `${app.app}-creds`, literals: [`password=${rng.pick(['s3cr3t', 'p@ss:word', 'true'])}`], type: rng.pick(['Opaque', undefined]) }];
  }
  if (rng.chance(0.2)) k['generatorOptions'] = { disableNameSuffixHash: rng.chance(0.5), annotations: { 'generated-by': 'fuzz' } };
}

export function addReplacements(layer: Layer): void {
  const { rng, k } = layer;
  const out: Obj[] = [];
  for (const app of layer.apps) {
    if (app.kinds.has('ConfigMap') && rng.chance(0.6)) {
      out.push({
        source: { kind: 'ConfigMap', name: `${app.app}-config`, fieldPath: 'data.mode' },
        targets: [{ select: { kind: app.kinds.has('Deployment') ? 'Deployment' : 'StatefulSet' }, fieldPaths: ['spec.template.metadata.annotations.mode'], options: { create: true } }],
      });
    }
    if (app.kinds.has('ConfigMap') && rng.chance(0.4)) {
      // Into an existing scalar a replacement copies only the text: the field keeps its type and style.
      out.push({
        source: { kind: 'ConfigMap', name: `${app.app}-config`, fieldPath: 'data.mode' },
        targets: [{ select: { kind: app.kinds.has('Deployment') ? 'Deployment' : 'StatefulSet', name: app.app }, fieldPaths: [`spec.template.spec.containers.[name=${app.app}].env.[name=LOG_LEVEL].value`] }],
      });
    }
    if (app.kinds.has('ConfigMap') && rng.chance(0.2)) {
      // Into nodes kyaml set without a tag (an image the images transformer set, a name a
      // patch or namePrefix put back) the text resolves as plain YAML: a date prints as a time.
      const workload = app.kinds.has('Deployment') ? 'Deployment' : 'StatefulSet';
      const fieldPaths = rng.chance(0.5) ? [`spec.template.spec.containers.[name=${app.app}].image`] : ['metadata.name'];
      out.push({
        source: { kind: 'ConfigMap', name: `${app.app}-config`, fieldPath: 'data.mode' },
        targets: [{ select: { kind: fieldPaths[0] === 'metadata.name' && app.kinds.has('Service') && rng.chance(0.5) ? 'Service' : workload, name: app.app }, fieldPaths }],
      });
    }
    if (app.kinds.has('Ingress') && rng.chance(0.6)) {
      out.push({
        source: { kind: 'Service', name: app.app, fieldPath: 'metadata.name' },
        targets: [{ select: { kind: 'Ingress', name: app.app }, fieldPaths: ['spec.rules.0.host'], options: { delimiter: '.', index: 0 } }],
      });
    }
  }
  if (out.length > 0) k['replacements'] = out;
}

export function addOrdering(layer: Layer): void {
  const { rng, k } = layer;
  if (rng.chance(0.1)) k['sortOptions'] = { order: 'fifo' };
  if (rng.chance(0.05)) k['buildMetadata'] = ['managedByLabel'];
}

export function appsWith(apps: readonly AppResources[], kind: string): AppResources[] {
  return apps.filter((a) => a.kinds.has(kind));
}

export function pickApps(rng: Random, count: number): string[] {
  return rng.sample(['api', 'web', 'worker', 'billing', 'cache', 'frontend', 'auth', 'search'], count);
}
