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

/** Maps apiVersion + kind to the REST path through per-group-version discovery, cached. */
export class ResourceResolver {
  private readonly cache = new Map<string, Promise<ApiResourceList>>();

  constructor(private readonly getJson: (path: string) => Promise<unknown>) {}

  async resolve(apiVersion: string, kind: string): Promise<ApiResource> {
    const groupVersionPath = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    let pending = this.cache.get(groupVersionPath);
    if (!pending) {
      pending = this.getJson(groupVersionPath) as Promise<ApiResourceList>;
      this.cache.set(groupVersionPath, pending);
      pending.catch(() => this.cache.delete(groupVersionPath));
    }
    const list = await pending;
    // Subresources (`pods/status`) share the kind; the first plain resource is the one.
    const found = list.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
    if (!found) throw new KubeApiError(404, `the server doesn't have a resource type for ${kind} in ${apiVersion}`);
    return { groupVersionPath, plural: found.name, namespaced: found.namespaced };
  }
}
