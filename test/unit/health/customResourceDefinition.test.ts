import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const crd = (...conditions: { type: string; status: string; message?: string }[]) =>
  live('apiextensions.k8s.io/v1', 'CustomResourceDefinition', { status: { conditions } });
const established = { type: 'Established', status: 'True' };
const namesAccepted = { type: 'NamesAccepted', status: 'True' };

describe('CustomResourceDefinition health', () => {
  testHealthCases([
    { name: 'established with accepted names is Healthy', object: crd(namesAccepted, established), status: 'Healthy', message: 'CRD is healthy' },
    { name: 'no conditions is Progressing', object: crd(), status: 'Progressing', message: 'Status conditions not found' },
    { name: 'not established is Degraded', object: crd(namesAccepted, { type: 'Established', status: 'False', message: 'not yet' }), status: 'Degraded', message: 'CRD is not established: not yet' },
    { name: 'names not accepted is Degraded', object: crd({ type: 'NamesAccepted', status: 'False', message: 'clash' }, established), status: 'Degraded', message: 'CRD names have not been accepted: clash' },
    { name: 'non-structural schema is Degraded', object: crd(namesAccepted, established, { type: 'NonStructuralSchema', status: 'True', message: 'x' }), status: 'Degraded' },
    { name: 'terminating is Progressing', object: crd(established, { type: 'Terminating', status: 'True', message: 'bye' }), status: 'Progressing', message: 'CRD is being terminated: bye' },
  ]);
});
