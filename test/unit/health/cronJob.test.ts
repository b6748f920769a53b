import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const cronJob = (status?: Record<string, unknown>, suspend = false) =>
  live('batch/v1', 'CronJob', { spec: { schedule: '* * * * *', suspend }, ...(status ? { status } : {}) });
const scheduled = '2025-07-30T13:46:00Z';
const before = '2025-07-30T13:44:19Z';
const after = '2025-07-30T13:46:12Z';
const activeJob = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'hello-29231490' }];

// Argo CD 3.2+'s built-in CronJob check, as trimmed by argo-cd#24430.
describe('CronJob health', () => {
  testHealthCases([
    { name: 'suspended reads Healthy, not Suspended (argo-cd#24428)', object: cronJob({ lastScheduleTime: scheduled }, true), status: 'Healthy', message: 'CronJob is Suspended' },
    { name: 'no status yet is Progressing', object: cronJob(), status: 'Progressing', message: 'Waiting for CronJob' },
    { name: 'never scheduled is Healthy', object: cronJob({}), status: 'Healthy', message: 'CronJob has not been scheduled yet' },
    {
      name: 'scheduled but never succeeded is Healthy: the first run may still be going',
      object: cronJob({ lastScheduleTime: scheduled }),
      status: 'Healthy',
      message: 'The CronJob never completed successfully. It may not be healthy',
    },
    {
      name: 'a running Job is Healthy, not Progressing (argo-cd#24429)',
      object: cronJob({ lastScheduleTime: scheduled, lastSuccessfulTime: before, active: activeJob }),
      status: 'Healthy',
      message: 'The job is running. Its last execution may not have been successful',
    },
    {
      name: 'last run failed (success older than the schedule, nothing active) is Degraded',
      object: cronJob({ lastScheduleTime: scheduled, lastSuccessfulTime: before }),
      status: 'Degraded',
      message: 'CronJob has not completed its last execution successfully',
    },
    {
      name: 'last run succeeded is Healthy',
      object: cronJob({ lastScheduleTime: scheduled, lastSuccessfulTime: after }),
      status: 'Healthy',
      message: 'CronJob has completed its last execution successfully',
    },
    { name: 'batch/v1beta1 CronJob uses the same rules', object: { ...cronJob({ lastScheduleTime: scheduled, lastSuccessfulTime: before }), apiVersion: 'batch/v1beta1' }, status: 'Degraded' },
  ]);
});
