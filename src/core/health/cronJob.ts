// CronJob health. gitops-engine has none; Argo CD 3.2 added a built-in Lua check
// (resource_customizations/batch/CronJob/health.lua), later trimmed (argo-cd#24430) so a
// suspended CronJob or a running Job never holds an app in Suspended/Progressing
// (argo-cd#24428, #24429). This follows that trimmed check.
import { arrayAt, booleanAt, objectAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

// The API writes RFC 3339 UTC times; fall back to string order (what the Lua compares) otherwise.
function isBefore(a: string, b: string): boolean {
  const [ta, tb] = [Date.parse(a), Date.parse(b)];
  return Number.isFinite(ta) && Number.isFinite(tb) ? ta < tb : a < b;
}

export function cronJobHealth(cronJob: JsonObject): HealthResult {
  if (booleanAt(cronJob, 'spec', 'suspend')) return healthResult('Healthy', 'CronJob is Suspended');

  const status = objectAt(cronJob, 'status');
  if (!status) return healthResult('Progressing', 'Waiting for CronJob');

  const lastSchedule = stringAt(status, 'lastScheduleTime');
  // Nothing says whether a schedule was missed, so a never-scheduled CronJob is assumed fine.
  if (lastSchedule === undefined) return healthResult('Healthy', 'CronJob has not been scheduled yet');

  const lastSuccess = stringAt(status, 'lastSuccessfulTime');
  // Either the first run is still going or it never succeeded: the status cannot tell.
  if (lastSuccess === undefined) return healthResult('Healthy', 'The CronJob never completed successfully. It may not be healthy');
  // A running Job always has lastSchedule > lastSuccess, so that comparison means nothing now.
  if (arrayAt(status, 'active').length > 0) {
    return healthResult('Healthy', 'The job is running. Its last execution may not have been successful');
  }
  if (isBefore(lastSuccess, lastSchedule)) return healthResult('Degraded', 'CronJob has not completed its last execution successfully');
  return healthResult('Healthy', 'CronJob has completed its last execution successfully');
}
