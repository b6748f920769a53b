import { appResources, type Obj } from '../test/fuzz/baseResources';
import { writeCase, yamlFile, type FuzzFile } from '../test/fuzz/fuzzCase';
import { Random } from '../test/fuzz/random';
import { appNames } from '../test/fuzz/values';

// A seeded GitOps repository for the check benchmark: `bases` apps of a few services each
// (~25 objects), with dev, staging and prod overlays that set a namespace, labels, images,
// replicas, a strategic merge patch and a generated ConfigMap.

export interface RepoShape {
  readonly bases: number;
  readonly seed: number;
}

const environments = ['dev', 'staging', 'prod'] as const;

/** Writes the repository under `dir`; returns the overlay directories (relative) and the object count. */
export function generateRepo(dir: string, shape: RepoShape): { overlays: string[]; objects: number } {
  const rng = new Random(shape.seed);
  const files: Record<string, FuzzFile> = {};
  const overlays: string[] = [];
  let objects = 0;
  for (let b = 0; b < shape.bases; b++) {
    const base = `apps/app${b}/base`;
    const apps = rng.sample(appNames, rng.int(2, 3)).map((name) => appResources(rng, name, 3));
    files[`${base}/kustomization.yaml`] = yamlFile({ resources: apps.map((a) => `${a.app}.yaml`), labels: [{ pairs: { 'app.kubernetes.io/part-of': `app${b}` } }] });
    for (const a of apps) files[`${base}/${a.app}.yaml`] = yamlFile(...a.objects);
    const main = apps[0];
    if (!main) continue;
    const workload = main.kinds.has('Deployment') ? 'Deployment' : 'StatefulSet';
    for (const env of environments) {
      const overlay = `apps/app${b}/overlays/${env}`;
      const patch: Obj = { apiVersion: 'apps/v1', kind: workload, metadata: { name: main.app }, spec: { template: { spec: { containers: [{ name: main.app, env: [{ name: 'ENVIRONMENT', value: env }] }] } } } };
      files[`${overlay}/patch.yaml`] = yamlFile(patch);
      files[`${overlay}/kustomization.yaml`] = yamlFile({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: `app${b}-${env}`,
        resources: ['../../base'],
        labels: [{ pairs: { env }, includeSelectors: false }],
        commonAnnotations: { 'example.com/owner': `team-${b % 7}` },
        images: [{ name: 'nginx', newTag: `1.${b % 10}.${env.length}` }, { name: 'ghcr.io/acme/app', newTag: `v${b}.0.0` }],
        replicas: [{ name: main.app, count: env === 'prod' ? 3 : 1 }],
        patches: [{ path: 'patch.yaml' }],
        configMapGenerator: [{ name: `${main.app}-env`, literals: [`ENVIRONMENT=${env}`, `RELEASE=r${b}`] }],
      });
      overlays.push(overlay);
      objects += apps.reduce((n, a) => n + a.objects.length, 1);
    }
  }
  writeCase(dir, { seed: shape.seed, root: '.', files });
  return { overlays, objects };
}
