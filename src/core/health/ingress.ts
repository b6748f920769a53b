// Ingress health, after gitops-engine health_ingress.go: healthy once the controller
// has published an address.
import { arrayAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function ingressHealth(ingress: JsonObject): HealthResult {
  return healthResult(arrayAt(ingress, 'status', 'loadBalancer', 'ingress').length > 0 ? 'Healthy' : 'Progressing');
}
