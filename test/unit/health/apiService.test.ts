import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const apiService = (version: string, conditions?: unknown[]) => live(`apiregistration.k8s.io/${version}`, 'APIService', { status: conditions ? { conditions } : {} });

describe('APIService health', () => {
  testHealthCases([
    {
      name: 'v1 Available=True is Healthy',
      object: apiService('v1', [{ type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' }]),
      status: 'Healthy',
      message: 'Passed: all checks passed',
    },
    {
      name: 'v1beta1 Available=False is Progressing',
      object: apiService('v1beta1', [{ type: 'Available', status: 'False', reason: 'MissingEndpoints', message: 'endpoints for service/metrics-server have no addresses' }]),
      status: 'Progressing',
      message: 'MissingEndpoints: endpoints for service/metrics-server have no addresses',
    },
    { name: 'no conditions waits', object: apiService('v1'), status: 'Progressing', message: 'Waiting to be processed' },
  ]);
});
