// ReplicaSet health, after gitops-engine health_replicaset.go.
import { conditionOf, countAt, numberAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function replicaSetHealth(replicaSet: JsonObject): HealthResult {
  if (countAt(replicaSet, 'metadata', 'generation') > countAt(replicaSet, 'status', 'observedGeneration')) {
    return healthResult('Progressing', 'Waiting for rollout to finish: observed replica set generation less then desired generation');
  }

  // ReplicaFailure=True means pods cannot be created at all (quota, admission, ...).
  const failure = conditionOf(replicaSet, 'ReplicaFailure');
  if (failure?.['status'] === 'True') {
    return healthResult('Degraded', stringAt(failure, 'message') ?? '');
  }

  const desired = numberAt(replicaSet, 'spec', 'replicas');
  const available = countAt(replicaSet, 'status', 'availableReplicas');
  if (desired !== undefined && available < desired) {
    return healthResult('Progressing', `Waiting for rollout to finish: ${available} out of ${desired} new replicas are available...`);
  }
  return healthResult('Healthy');
}
