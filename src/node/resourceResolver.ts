import { KubeApiError } from './kubeApiError';

export interface ApiResource {
  /** `/api/v1` or `/apis/<group>/<version>`. */
  readonly groupVersionPath: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

interface ApiResourceList {
  resources?: Array<{ name: string; kind: string; namespaced: boolean }>;
}

interface Entry {
  readonly list: Promise<ApiResourceList>;
  readonly fetchedAt: number;
}

/**
 * Maps apiVersion + kind to the REST path (GVK → resource) through per-group-version
 * discovery, as client-node does, cached. A kind missing from a cached answer refetches
 * that group-version (a CRD may have been installed since), at most once per
 * `missRefreshMs` so that kinds the cluster really lacks do not hammer discovery.
 */
export class ResourceResolver {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly getJson: (path: string) => Promise<unknown>,
    private readonly missRefreshMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(apiVersion: string, kind: string): Promise<ApiResource> {
    const groupVersionPath = groupVersionPathOf(apiVersion);
    const entry = this.entry(groupVersionPath);
    let found = findKind(await entry.list, kind);
    if (!found && this.now() - entry.fetchedAt >= this.missRefreshMs) {
      this.invalidate(apiVersion);
      found = findKind(await this.entry(groupVersionPath).list, kind);
    }
    if (!found) throw new KubeApiError(404, `the server doesn't have a resource type for ${kind} in ${apiVersion}`);
    return { groupVersionPath, plural: found.name, namespaced: found.namespaced };
  }

  /** Forgets one group-version: after a 404 on its paths (a CRD removed, renamed or re-versioned). */
  invalidate(apiVersion: string): void {
    this.cache.delete(groupVersionPathOf(apiVersion));
  }

  private entry(groupVersionPath: string): Entry {
    let entry = this.cache.get(groupVersionPath);
    if (!entry) {
      const created: Entry = { list: this.getJson(groupVersionPath) as Promise<ApiResourceList>, fetchedAt: this.now() };
      // A group-version that is not served (yet) answers 404: don't remember failures.
      created.list.catch(() => {
        if (this.cache.get(groupVersionPath) === created) this.cache.delete(groupVersionPath);
      });
      this.cache.set(groupVersionPath, created);
      entry = created;
    }
    return entry;
  }
}

function groupVersionPathOf(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

/** Subresources (`pods/status`) share the kind; the first plain resource is the one. */
function findKind(list: ApiResourceList, kind: string): { name: string; namespaced: boolean } | undefined {
  return list.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
}
