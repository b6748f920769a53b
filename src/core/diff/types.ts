import type { FieldWrite, SourceLocation } from '../provenance';
import type { HealthResult } from '../health/healthStatus';

export type SyncStatus = 'Synced' | 'OutOfSync' | 'Missing' | 'Extra';

/** Who last wrote a live field, from managedFields. */
export interface LastWriter {
  readonly manager: string;
  readonly operation: string;
  /** RFC 3339, as the API server records it. */
  readonly time: string | undefined;
}

export interface FieldChange {
  /** kubectl style: `spec.template.spec.containers[name=api].image`. */
  readonly path: string;
  /** Absent fields are undefined. Secret values are masked. */
  readonly desired: unknown;
  readonly live: unknown;
  /** The source line that produced the desired value (the effective write). */
  readonly origin: SourceLocation | undefined;
  /** Every write that shaped the desired value, effective first (base → overlay → patch, reversed). */
  readonly originChain: readonly FieldWrite[];
  readonly lastWriter: LastWriter | undefined;
}

export interface ResourceDiff {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly status: SyncStatus;
  /** Argo CD's health of the live object; undefined for kinds that have none (ConfigMap, …). */
  readonly health: HealthResult | undefined;
  readonly changes: readonly FieldChange[];
  /** Where the desired object was declared, when there is one. */
  readonly source: SourceLocation | undefined;
}
