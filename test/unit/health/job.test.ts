import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const job = (conditions?: unknown[], spec: Record<string, unknown> = {}) =>
  live('batch/v1', 'Job', { spec: { backoffLimit: 2, ...spec }, status: conditions ? { conditions } : { active: 1 } });
const backoffExceeded = { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };

describe('Job health', () => {
  testHealthCases([
    { name: 'running without conditions is Progressing', object: job(), status: 'Progressing', message: '' },
    { name: 'backoffLimit reached is Degraded with the reason', object: job([backoffExceeded]), status: 'Degraded', message: backoffExceeded.message },
    {
      name: 'deadline exceeded is Degraded',
      object: job([{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }]),
      status: 'Degraded',
    },
    { name: 'Complete is Healthy', object: job([{ type: 'Complete', status: 'True', message: 'done' }]), status: 'Healthy', message: 'done' },
    {
      name: 'Failed wins over Complete when both appear',
      object: job([{ type: 'Complete', status: 'True' }, backoffExceeded]),
      status: 'Degraded',
    },
    {
      name: 'Suspended=True is Suspended',
      object: job([{ type: 'Suspended', status: 'True', message: 'Job suspended' }], { suspend: true }),
      status: 'Suspended',
      message: 'Job suspended',
    },
    {
      // Argo CD counts any Suspended condition as settled; a resumed, still running Job reads Healthy there too.
      name: 'Suspended=False (resumed) is Healthy, as in Argo CD',
      object: job([{ type: 'Suspended', status: 'False', message: 'Job resumed' }]),
      status: 'Healthy',
    },
    { name: 'an unrelated condition leaves it Progressing', object: job([{ type: 'FailureTarget', status: 'False' }]), status: 'Progressing' },
  ]);
});
