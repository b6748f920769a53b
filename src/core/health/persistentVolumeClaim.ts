// PersistentVolumeClaim health, after gitops-engine health_pvc.go.
import { stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult, type HealthStatus } from './healthStatus';

const byPhase: Readonly<Record<string, HealthStatus>> = { Bound: 'Healthy', Pending: 'Progressing', Lost: 'Degraded' };

export function persistentVolumeClaimHealth(pvc: JsonObject): HealthResult {
  return healthResult(byPhase[stringAt(pvc, 'status', 'phase') ?? ''] ?? 'Unknown');
}
