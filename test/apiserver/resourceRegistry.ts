// What one emulated cluster serves: the built-in kinds plus whatever its established
// CustomResourceDefinitions add. Per cluster (not module state) because tests run several.
import { builtinResourceTypes, groupVersionOf, resourceKey, type ResourceType } from './resourceTable';

export class ResourceRegistry {
  /** Custom kinds by the name of the CRD that serves them. */
  private readonly custom = new Map<string, ResourceType[]>();

  constructor(private readonly builtins: readonly ResourceType[] = builtinResourceTypes) {}

  all(): ResourceType[] {
    return [...this.builtins, ...[...this.custom.values()].flat()];
  }

  findResource(group: string, version: string, plural: string): ResourceType | undefined {
    return this.all().find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  findKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.all().find((t) => groupVersionOf(t) === apiVersion && t.kind === kind);
  }

  /** A built-in the emulator cannot work without (Namespace, CustomResourceDefinition). */
  require(apiVersion: string, kind: string): ResourceType {
    const type = this.findKind(apiVersion, kind);
    if (!type) throw new Error(`resource table lacks ${apiVersion} ${kind}`);
    return type;
  }

  /** The current definition of a resource: CRD updates replace the ResourceType object. */
  current(type: ResourceType): ResourceType | undefined {
    const key = resourceKey(type);
    return this.all().find((t) => resourceKey(t) === key);
  }

  groupVersions(): { group: string; version: string }[] {
    const seen = new Map<string, { group: string; version: string }>();
    for (const t of this.all()) seen.set(groupVersionOf(t), { group: t.group, version: t.version });
    return [...seen.values()];
  }

  servedBy(crdName: string): ResourceType[] {
    return this.custom.get(crdName) ?? [];
  }

  serve(crdName: string, types: ResourceType[]): void {
    if (types.length === 0) this.custom.delete(crdName);
    else this.custom.set(crdName, types);
  }

  unserve(crdName: string): void {
    this.custom.delete(crdName);
  }
}
