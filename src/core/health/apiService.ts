// APIService health (apiregistration.k8s.io v1 and v1beta1), after gitops-engine
// health_apiservice.go: the aggregator's Available condition decides.
import { objectsAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function apiServiceHealth(apiService: JsonObject): HealthResult {
  const available = objectsAt(apiService, 'status', 'conditions').find((condition) => condition['type'] === 'Available');
  if (!available) return healthResult('Progressing', 'Waiting to be processed');
  const message = `${stringAt(available, 'reason') ?? ''}: ${stringAt(available, 'message') ?? ''}`;
  return healthResult(available['status'] === 'True' ? 'Healthy' : 'Progressing', message);
}
