// DaemonSet health, after gitops-engine health_daemonset.go (kubectl's rollout status).
import { countAt, quoted, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function daemonSetHealth(daemon: JsonObject): HealthResult {
  if (countAt(daemon, 'metadata', 'generation') > countAt(daemon, 'status', 'observedGeneration')) {
    return healthResult('Progressing', 'Waiting for rollout to finish: observed daemon set generation less then desired generation');
  }

  const desired = countAt(daemon, 'status', 'desiredNumberScheduled');
  const updated = countAt(daemon, 'status', 'updatedNumberScheduled');
  const available = countAt(daemon, 'status', 'numberAvailable');
  if (stringAt(daemon, 'spec', 'updateStrategy', 'type') === 'OnDelete') {
    // Pods change only when someone deletes them, so an unfinished update is not a rollout.
    return healthResult('Healthy', `daemon set ${updated} out of ${desired} new pods have been updated`);
  }

  const name = quoted(stringAt(daemon, 'metadata', 'name') ?? '');
  if (updated < desired) {
    return healthResult('Progressing', `Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  }
  if (available < desired) {
    return healthResult('Progressing', `Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`);
  }
  return healthResult('Healthy');
}
