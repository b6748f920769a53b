// A seeded generator of large, realistic GitOps monorepos for benchmarks and scale tests:
// apps × environments × clusters, each app a base with overlays per (environment, cluster),
// shared Components, patches (strategic-merge files and inline JSON 6902), configMapGenerators
// merged per overlay, and Argo CD on top: an app-of-apps root, one ApplicationSet per cluster
// (git directory generator) with its cluster Secret, and a matrix (list × clusters) ApplicationSet.
// The same seed and shape always give the same bytes, so figures are comparable across runs.
//
// Default shape: 50 apps × 3 environments × 2 clusters = 300 overlays of ~25 resources each.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { argoRootFiles, clusterFiles } from './repoArgoManifests';
import { baseFiles, componentFiles, overlayFiles } from './repoManifests';

export interface RepoShape {
  readonly apps: number;
  readonly environments: readonly string[];
  readonly clustersPerEnvironment: number;
  /** Rendered resources per overlay, roughly (the base's fixed six plus filler ConfigMaps). */
  readonly resourcesPerOverlay: number;
  readonly seed: number;
}

export const defaultRepoShape: RepoShape = {
  apps: 50,
  environments: ['dev', 'staging', 'prod'],
  clustersPerEnvironment: 2,
  resourcesPerOverlay: 25,
  seed: 1,
};

export interface GeneratedOverlay {
  /** Relative to the repo root, e.g. `apps/payments-api-3/overlays/prod-eu-1`. */
  readonly dir: string;
  readonly app: string;
  readonly namespace: string;
}

export interface GeneratedRepo {
  /** Relative path → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly overlays: readonly GeneratedOverlay[];
  readonly clusters: readonly string[];
}

export const generatedRepoUrl = 'https://git.example.com/platform/gitops.git';

/** mulberry32: tiny, fast and good enough to vary names, tags and sizes reproducibly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const teams = ['payments', 'search', 'identity', 'catalog', 'checkout', 'platform', 'growth', 'media'];
const roles = ['api', 'worker', 'frontend', 'gateway', 'scheduler', 'indexer'];
const regions = ['eu', 'us', 'ap'];

export function generateRepo(shape: RepoShape = defaultRepoShape): GeneratedRepo {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const files = new Map<string, string>();
  const put = (dir: string, entries: Record<string, string>): void => {
    for (const [name, content] of Object.entries(entries)) files.set(join(dir, name), content);
  };

  const clustersByEnv = new Map<string, string[]>();
  for (const env of shape.environments) {
    const names = [...Array(shape.clustersPerEnvironment).keys()].map((i) => `${env}-${regions[i % regions.length]}-${Math.floor(i / regions.length) + 1}`);
    clustersByEnv.set(env, names);
    for (const cluster of names) put(join('clusters', cluster), clusterFiles(cluster, env, generatedRepoUrl));
  }
  put('argocd', argoRootFiles(generatedRepoUrl, shape.environments));
  for (const [name, entries] of Object.entries(componentFiles)) put(join('components', name), entries);

  const overlays: GeneratedOverlay[] = [];
  // The base holds six objects plus the generated ConfigMap; components add up to one more.
  const extras = Math.max(0, shape.resourcesPerOverlay - 8);
  for (let i = 0; i < shape.apps; i++) {
    const team = pick(teams);
    const app = `${team}-${pick(roles)}-${i}`;
    const image = `registry.example.com/${team}/${app}`;
    put(join('apps', app, 'base'), baseFiles({ app, team, port: 8000 + Math.floor(random() * 1000), extras: extras + Math.floor(random() * 3) }));
    for (const env of shape.environments) {
      for (const cluster of clustersByEnv.get(env) ?? []) {
        const dir = join('apps', app, 'overlays', cluster);
        const components = Object.keys(componentFiles).filter(() => random() < 0.6);
        put(dir, overlayFiles({
          app, env, cluster, image, components,
          tag: `${1 + Math.floor(random() * 3)}.${Math.floor(random() * 20)}.${Math.floor(random() * 10)}`,
          replicas: env === 'prod' ? 3 + Math.floor(random() * 3) : 1,
          memory: pick(['256Mi', '512Mi', '1Gi']),
        }));
        overlays.push({ dir, app, namespace: `${app}-${env}` });
      }
    }
  }
  return { files, overlays, clusters: [...clustersByEnv.values()].flat() };
}

/** Writes a generated repo under `root` (which should be empty or absent). */
export async function writeRepo(root: string, repo: GeneratedRepo): Promise<void> {
  const dirs = new Set([...repo.files.keys()].map((path) => dirname(join(root, path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all([...repo.files].map(([path, content]) => writeFile(join(root, path), content)));
}
