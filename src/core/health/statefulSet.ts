// StatefulSet health, after gitops-engine health_statefulset.go (kubectl's rollout status).
import { countAt, numberAt, objectAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function statefulSetHealth(sts: JsonObject): HealthResult {
  const observed = countAt(sts, 'status', 'observedGeneration');
  if (observed === 0 || countAt(sts, 'metadata', 'generation') > observed) {
    return healthResult('Progressing', 'Waiting for statefulset spec update to be observed...');
  }

  const desired = numberAt(sts, 'spec', 'replicas');
  const ready = countAt(sts, 'status', 'readyReplicas');
  const updated = countAt(sts, 'status', 'updatedReplicas');
  if (desired !== undefined && ready < desired) {
    return healthResult('Progressing', `Waiting for ${desired - ready} pods to be ready...`);
  }

  const strategy = stringAt(sts, 'spec', 'updateStrategy', 'type');
  const rollingUpdate = objectAt(sts, 'spec', 'updateStrategy', 'rollingUpdate');
  if (strategy === 'RollingUpdate' && rollingUpdate) {
    // A partition holds back the ordinals below it, so only the rest must be updated.
    const partition = numberAt(rollingUpdate, 'partition');
    if (desired !== undefined && partition !== undefined && updated < desired - partition) {
      return healthResult(
        'Progressing',
        `Waiting for partitioned roll out to finish: ${updated} out of ${desired - partition} new pods have been updated...`,
      );
    }
    return healthResult('Healthy', `partitioned roll out complete: ${updated} new pods have been updated...`);
  }
  if (strategy === 'OnDelete') {
    // Pods change only when someone deletes them, so an unfinished update is not a rollout.
    return healthResult('Healthy', `statefulset has ${ready} ready pods (${updated} updated)`);
  }

  const updateRevision = stringAt(sts, 'status', 'updateRevision') ?? '';
  const currentRevision = stringAt(sts, 'status', 'currentRevision') ?? '';
  if (updateRevision !== currentRevision) {
    return healthResult('Progressing', `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...`);
  }
  const current = countAt(sts, 'status', 'currentReplicas');
  return healthResult('Healthy', `statefulset rolling update complete ${current} pods at revision ${currentRevision}...`);
}
