import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const pvc = (phase?: string) => live('v1', 'PersistentVolumeClaim', { status: phase === undefined ? {} : { phase } });

describe('PersistentVolumeClaim health', () => {
  testHealthCases([
    { name: 'Bound is Healthy', object: pvc('Bound'), status: 'Healthy' },
    { name: 'Pending is Progressing', object: pvc('Pending'), status: 'Progressing' },
    { name: 'Lost (its volume is gone) is Degraded', object: pvc('Lost'), status: 'Degraded' },
    { name: 'no phase is Unknown', object: pvc(), status: 'Unknown' },
  ]);
});
