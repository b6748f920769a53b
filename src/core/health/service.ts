// Service health, after gitops-engine health_service.go: only a LoadBalancer waits on
// the cloud to hand out an address.
import { arrayAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function serviceHealth(service: JsonObject): HealthResult {
  if (stringAt(service, 'spec', 'type') === 'LoadBalancer' && arrayAt(service, 'status', 'loadBalancer', 'ingress').length === 0) {
    return healthResult('Progressing');
  }
  return healthResult('Healthy');
}
