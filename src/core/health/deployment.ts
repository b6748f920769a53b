// Deployment health, after gitops-engine health_deployment.go (itself kubectl's rollout status).
import { booleanAt, conditionOf, countAt, numberAt, quoted, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function deploymentHealth(deployment: JsonObject): HealthResult {
  if (booleanAt(deployment, 'spec', 'paused')) return healthResult('Suspended', 'Deployment is paused');

  // Until the controller has seen the latest spec, the status describes an older one.
  if (countAt(deployment, 'metadata', 'generation') > countAt(deployment, 'status', 'observedGeneration')) {
    return healthResult('Progressing', 'Waiting for rollout to finish: observed deployment generation less then desired generation');
  }

  if (conditionOf(deployment, 'Progressing')?.['reason'] === 'ProgressDeadlineExceeded') {
    const name = stringAt(deployment, 'metadata', 'name') ?? '';
    return healthResult('Degraded', `Deployment ${quoted(name)} exceeded its progress deadline`);
  }

  const desired = numberAt(deployment, 'spec', 'replicas');
  const replicas = countAt(deployment, 'status', 'replicas');
  const updated = countAt(deployment, 'status', 'updatedReplicas');
  const available = countAt(deployment, 'status', 'availableReplicas');
  if (desired !== undefined && updated < desired) {
    return healthResult('Progressing', `Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`);
  }
  if (replicas > updated) {
    return healthResult('Progressing', `Waiting for rollout to finish: ${replicas - updated} old replicas are pending termination...`);
  }
  if (available < updated) {
    return healthResult('Progressing', `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
  }
  return healthResult('Healthy');
}
