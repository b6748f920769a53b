import type { Diagnostic } from '../result';
import type { SourceLocation } from '../provenance';

// The repository as Driftline sees it: what renders, and which Argo CD app sends it where.

export type KustomizationRole = 'base' | 'overlay';

export interface KustomizationEntry {
  readonly dir: string;
  /** An overlay builds on another kustomization in the repo; a base does not. */
  readonly role: KustomizationRole;
  /** Nothing in the repo includes it: a thing that gets deployed. */
  readonly root: boolean;
}

export interface ChartEntry {
  readonly dir: string;
  readonly name: string;
  readonly version?: string;
}

/** A cluster Argo CD knows: from a cluster Secret in the repo, or a kubeconfig context passed in. */
export interface ClusterEntry {
  readonly name: string;
  readonly server: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly from: 'secret' | 'kubeconfig' | 'in-cluster';
}

/** spec.source.kustomize, the options Argo CD applies with `kustomize edit` before building. */
export interface ArgoKustomizeOptions {
  readonly namePrefix?: string;
  readonly nameSuffix?: string;
  readonly namespace?: string;
  readonly images?: readonly string[];
  readonly commonLabels?: Readonly<Record<string, string>>;
  readonly commonAnnotations?: Readonly<Record<string, string>>;
  readonly patches?: readonly unknown[];
  readonly replicas?: ReadonlyArray<{ readonly name: string; readonly count: number }>;
  readonly components?: readonly string[];
}

export interface ArgoHelmOptions {
  readonly releaseName?: string;
  readonly valueFiles: readonly string[];
  readonly values?: string;
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly value: string; readonly forceString?: boolean }>;
}

export interface ArgoDirectoryOptions {
  readonly recurse: boolean;
  readonly include?: string;
  readonly exclude?: string;
}

export type RenderKind = 'kustomize' | 'helm' | 'directory';

/** Where a source's repoURL points: this repository, probably this one (its URL is unknown), or another. */
export type RepoMatch = 'this' | 'assumed' | 'other';

export interface AppSource {
  readonly repoURL: string;
  readonly path?: string;
  /** A chart from a Helm repository (not a path in Git). */
  readonly chart?: string;
  readonly targetRevision: string;
  /** A `ref` source only lends its files to another source's value files. */
  readonly ref?: string;
  readonly repo: RepoMatch;
  /** Absolute directory inside the repo, when the source lives here. */
  readonly dir?: string;
  readonly kind?: RenderKind;
  readonly kustomize?: ArgoKustomizeOptions;
  readonly helm?: ArgoHelmOptions;
  readonly directory?: ArgoDirectoryOptions;
}

export interface Destination {
  readonly server?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface SyncPolicy {
  readonly automated: boolean;
  readonly prune: boolean;
  readonly selfHeal: boolean;
  readonly syncOptions: readonly string[];
}

export interface AppModel {
  readonly name: string;
  /** Where the Application lives (Argo CD's namespace), when stated. */
  readonly namespace?: string;
  readonly project: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The manifest (or the ApplicationSet template) it came from. */
  readonly location: SourceLocation;
  readonly generatedBy?: string;
  /** The app-of-apps parent that renders this Application. */
  readonly parent?: string;
  readonly sources: readonly AppSource[];
  readonly destination: Destination;
  /** The kubeconfig context the destination resolves to. */
  readonly context?: string;
  /** Why the destination resolved to no context. */
  readonly contextNote?: string;
  readonly environment?: string;
  readonly syncPolicy: SyncPolicy;
  readonly ignoreDifferences: readonly unknown[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface RepoModel {
  readonly root: string;
  readonly kustomizations: readonly KustomizationEntry[];
  /** Directories of plain manifests that no kustomization or chart covers. */
  readonly directories: readonly string[];
  readonly charts: readonly ChartEntry[];
  readonly clusters: readonly ClusterEntry[];
  readonly apps: readonly AppModel[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface KubeconfigContext {
  readonly name: string;
  readonly server: string;
}

export interface DiscoverOptions {
  /** URLs this repository is known by (its git remotes); read from .git/config when absent. */
  readonly repoUrls?: readonly string[];
  /** kubeconfig contexts: destinations resolve to them by server URL; the Cluster generator can use them. */
  readonly contexts?: readonly KubeconfigContext[];
  /** Destination server URL or cluster name → context name; wins over matching by URL. */
  readonly contextMap?: Readonly<Record<string, string>>;
  /** Use kubeconfig contexts as Cluster-generator clusters when the repo holds no cluster Secrets. */
  readonly clustersFromContexts?: boolean;
}
