// Argo CD's health vocabulary (gitops-engine pkg/health/health.go), so Driftline and
// Argo CD agree on what "Degraded" means for the same live object.

export type HealthStatus = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';

export interface HealthResult {
  readonly status: HealthStatus;
  /** Empty when the check has nothing to add, as Argo CD's omitted message. */
  readonly message: string;
}

/** Most healthy first; the same order as gitops-engine's `healthOrder`. */
export const healthOrder: readonly HealthStatus[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

/** True when `next` is a worse condition than `current` (gitops-engine `IsWorse`). */
export function isWorse(current: HealthStatus, next: HealthStatus): boolean {
  return healthOrder.indexOf(next) > healthOrder.indexOf(current);
}

/** The worst of several statuses; Healthy for none. Handy for aggregating an app. */
export function worstOf(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'Healthy';
  for (const status of statuses) if (isWorse(worst, status)) worst = status;
  return worst;
}

export function isHealthStatus(value: unknown): value is HealthStatus {
  return typeof value === 'string' && (healthOrder as readonly string[]).includes(value);
}

export function healthResult(status: HealthStatus, message = ''): HealthResult {
  return { status, message };
}
