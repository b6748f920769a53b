import { appResources, type AppResources, type Obj } from './baseResources';
import { yamlFile, type FuzzCase, type FuzzFile } from './fuzzCase';
import { addPatches, type Layer } from './patchFeatures';
import { addConfigurations, addGenerators, addImages, addLabels, addNaming, addOrdering, addReplacements, addReplicas, pickApps } from './layerFeatures';
import { Random } from './random';
import { addKeyQuirks } from './keyQuirks';

// One random repository: a base of a few apps, sometimes a middle layer and a component,
// and the overlay under test. Every choice comes from the seed.

export interface CaseShape {
  /** Apps in the base (each a Deployment or StatefulSet plus related objects). */
  readonly apps: number;
  /** Scales how many optional objects each app gets (1 is typical). */
  readonly size: number;
}

const defaultShape: CaseShape = { apps: 2, size: 1 };

export function generateCase(seed: number, shape: Partial<CaseShape> = {}): FuzzCase {
  const rng = new Random(seed);
  const { apps: appCount, size } = { ...defaultShape, ...shape };
  const files: Record<string, FuzzFile> = {};
  const apps = pickApps(rng, Math.max(1, Math.min(8, rng.int(1, appCount)))).map((name) => appResources(rng, name, size));
  const baseGenerated = writeBase(rng, files, apps);
  const below: string[] = ['../base'];
  if (rng.chance(0.25)) {
    const mid = newLayer(rng, files, 'mid', apps, ['../base']);
    if (rng.chance(0.5)) addNaming(mid);
    if (rng.chance(0.5)) addLabels(mid);
    if (rng.chance(0.4)) addPatches(mid);
    if (rng.chance(0.3)) addImages(mid);
    below[0] = '../mid';
  }
  const overlay = newLayer(rng, files, 'overlay', apps, below);
  if (rng.chance(0.25)) writeComponent(rng, files, overlay, apps);
  if (rng.chance(0.8)) addNaming(overlay);
  if (rng.chance(0.7)) addLabels(overlay);
  if (rng.chance(0.6)) addPatches(overlay);
  if (rng.chance(0.5)) addImages(overlay);
  if (rng.chance(0.4)) addReplicas(overlay);
  if (apps.some((a) => a.kinds.has('Widget')) && rng.chance(0.5)) addConfigurations(overlay);
  if (rng.chance(0.4)) addGenerators(overlay, baseGenerated);
  if (rng.chance(0.3)) addReplacements(overlay);
  addOrdering(overlay);
  files['overlay/kustomization.yaml'] = yamlFile(overlay.k);
  addKeyQuirks(seed, files);
  return { seed, root: 'overlay', files };
}

function newLayer(rng: Random, files: Record<string, FuzzFile>, dir: string, apps: readonly AppResources[], resources: string[]): Layer {
  const k: Obj = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
  const layer: Layer = { rng, files, dir, k, apps };
  // The middle layer's kustomization is written once its fields are chosen; objects are shared by reference.
  files[`${dir}/kustomization.yaml`] = yamlFile(k);
  return layer;
}

/** The base: one file per app (sometimes all in one), and now and then a generator the overlay can merge into. */
function writeBase(rng: Random, files: Record<string, FuzzFile>, apps: readonly AppResources[]): string[] {
  const k: Obj = { resources: [] as string[] };
  const resources = k['resources'] as string[];
  if (rng.chance(0.2)) {
    files['base/all.yaml'] = yamlFile(...apps.flatMap((a) => a.objects));
    resources.push('all.yaml');
  } else {
    for (const a of apps) {
      files[`base/${a.app}.yaml`] = yamlFile(...a.objects);
      resources.push(`${a.app}.yaml`);
    }
  }
  const generated: string[] = [];
  if (rng.chance(0.3)) {
    const name = `${apps[0]?.app ?? 'app'}-env`;
    k['configMapGenerator'] = [{ name, literals: ['A=1', `B=${rng.pick(['x', 'yes', '0755'])}`] }];
    generated.push(name);
  }
  const base: Layer = { rng, files, dir: 'base', k, apps };
  if (rng.chance(0.3)) addLabels(base);
  if (rng.chance(0.2)) base.k['namePrefix'] = 'base-';
  if (rng.chance(0.2)) addImages(base);
  files['base/kustomization.yaml'] = yamlFile(k);
  return generated;
}

function writeComponent(rng: Random, files: Record<string, FuzzFile>, overlay: Layer, apps: readonly AppResources[]): void {
  const k: Obj = { apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component' };
  const component: Layer = { rng, files, dir: 'components/extra', k, apps };
  if (rng.chance(0.5)) {
    files['components/extra/monitor.yaml'] = yamlFile({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'monitor', labels: { app: apps[0]?.app ?? 'app' } }, spec: { endpoints: [{ port: 'http' }] } });
    k['resources'] = ['monitor.yaml'];
  }
  if (rng.chance(0.6)) addLabels(component);
  if (rng.chance(0.6)) addPatches(component);
  if (rng.chance(0.3)) addImages(component);
  files['components/extra/kustomization.yaml'] = yamlFile(k);
  overlay.k['components'] = ['../components/extra'];
}
