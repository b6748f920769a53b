// Pod health, after gitops-engine health_pod.go.
import { conditionOf, field, numberAt, objectAt, objectsAt, quoted, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

/** Argo CD's opt-out from treating Never/OnFailure pods as finite hook-like pods. */
export const ignoreRestartPolicyAnnotation = 'argocd.argoproj.io/ignore-restart-policy';

// Waiting reasons that mean the container is stuck, not starting (ErrImagePull,
// CreateContainerConfigError, CrashLoopBackOff, ImagePullBackOff, ...).
function isStuckWaitingReason(reason: string): boolean {
  return reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');
}

function failMessage(container: JsonObject): string {
  const terminated = objectAt(container, 'state', 'terminated');
  if (!terminated) return '';
  const message = stringAt(terminated, 'message') ?? '';
  if (message !== '') return message;
  if (stringAt(terminated, 'reason') === 'OOMKilled') return 'OOMKilled';
  const exitCode = numberAt(terminated, 'exitCode') ?? 0;
  if (exitCode !== 0) return `container ${quoted(stringAt(container, 'name') ?? '')} failed with exit code ${exitCode}`;
  return '';
}

function runningHealth(pod: JsonObject, message: string): HealthResult {
  if (conditionOf(pod, 'Ready')?.['status'] === 'True') return healthResult('Healthy', message);
  // Not ready and a container has died before: it is crashing, not starting.
  const restarted = objectsAt(pod, 'status', 'containerStatuses').some((status) => objectAt(status, 'lastState', 'terminated'));
  return healthResult(restarted ? 'Degraded' : 'Progressing', message);
}

export function podHealth(pod: JsonObject): HealthResult {
  const restartPolicy = stringAt(pod, 'spec', 'restartPolicy');
  const message = stringAt(pod, 'status', 'message') ?? '';

  // Only long-running pods: a hook pod marked Degraded here would fail the sync early,
  // then run anyway once the image shows up.
  if (restartPolicy === 'Always') {
    const stuck = objectsAt(pod, 'status', 'containerStatuses')
      .map((status) => objectAt(status, 'state', 'waiting'))
      .filter((waiting) => waiting && isStuckWaitingReason(stringAt(waiting, 'reason') ?? ''));
    if (stuck.length > 0) return healthResult('Degraded', stuck.map((waiting) => stringAt(waiting, 'message') ?? '').join(', '));
  }

  switch (stringAt(pod, 'status', 'phase')) {
    case 'Pending':
      return healthResult('Progressing', message);
    case 'Succeeded':
      return healthResult('Healthy', message);
    case 'Failed': {
      if (message !== '') return healthResult('Degraded', message);
      const containers = [...objectsAt(pod, 'status', 'initContainerStatuses'), ...objectsAt(pod, 'status', 'containerStatuses')];
      const first = containers.map(failMessage).find((text) => text !== '');
      return healthResult('Degraded', first ?? '');
    }
    case 'Running': {
      const annotations = objectAt(pod, 'metadata', 'annotations');
      if (field(annotations, ignoreRestartPolicyAnnotation) !== undefined || restartPolicy === 'Always') return runningHealth(pod, message);
      // Never/OnFailure pods have a finite life (typically hooks): running is not done.
      if (restartPolicy === 'OnFailure' || restartPolicy === 'Never') return healthResult('Progressing', message);
      break;
    }
  }
  return healthResult('Unknown', message);
}
