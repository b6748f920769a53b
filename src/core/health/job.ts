// Job health, after gitops-engine health_job.go.
import { objectsAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function jobHealth(job: JsonObject): HealthResult {
  let failed = false;
  let complete = false;
  let suspended = false;
  let failMessage = '';
  let message = '';
  // Like Argo CD, Failed and Complete count by their presence: the Job controller only
  // ever adds them with status True. Suspended is toggled, so its status matters.
  for (const condition of objectsAt(job, 'status', 'conditions')) {
    const text = stringAt(condition, 'message') ?? '';
    switch (condition['type']) {
      case 'Failed':
        failed = true;
        complete = true;
        failMessage = text;
        break;
      case 'Complete':
        complete = true;
        message = text;
        break;
      case 'Suspended':
        complete = true;
        message = text;
        if (condition['status'] === 'True') suspended = true;
        break;
    }
  }
  if (!complete) return healthResult('Progressing', message);
  if (failed) return healthResult('Degraded', failMessage);
  if (suspended) return healthResult('Suspended', message);
  return healthResult('Healthy', message);
}
