// Argo Workflows' Workflow health, after gitops-engine health_argo.go: only the phase counts.
import { stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult, type HealthStatus } from './healthStatus';

const byPhase: Readonly<Record<string, HealthStatus>> = {
  '': 'Progressing',
  Pending: 'Progressing',
  Running: 'Progressing',
  Succeeded: 'Healthy',
  Failed: 'Degraded',
  Error: 'Degraded',
};

export function argoWorkflowHealth(workflow: JsonObject): HealthResult {
  return healthResult(byPhase[stringAt(workflow, 'status', 'phase') ?? ''] ?? 'Unknown', stringAt(workflow, 'status', 'message') ?? '');
}
