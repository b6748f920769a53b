// Argo CD Application health read from its own status.health. Argo CD stopped assessing
// child Applications by default in 1.8 (argo-cd#3781) and documents this check as an
// opt-in customization for app-of-apps with sync waves; assessHealth follows suit.
import { objectAt, stringAt, type JsonObject } from './accessors';
import { healthResult, isHealthStatus, type HealthResult } from './healthStatus';

export function argoApplicationHealth(application: JsonObject): HealthResult {
  const health = objectAt(application, 'status', 'health');
  // No health yet: the Application controller has not reconciled it.
  if (!health) return healthResult('Progressing');
  const status = health['status'];
  const message = stringAt(health, 'message') ?? '';
  return isHealthStatus(status) ? healthResult(status, message) : healthResult('Unknown', message || `unrecognized health status ${JSON.stringify(status)}`);
}
