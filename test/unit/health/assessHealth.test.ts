import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const ready = { status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } } };

describe('dispatch on group and kind', () => {
  testHealthCases([
    { name: 'core Service (no group in apiVersion)', object: live('v1', 'Service'), status: 'Healthy' },
    { name: 'Ingress in networking.k8s.io/v1', object: live('networking.k8s.io/v1', 'Ingress', ready), status: 'Healthy' },
    { name: 'Ingress in networking.k8s.io/v1beta1', object: live('networking.k8s.io/v1beta1', 'Ingress'), status: 'Progressing' },
    { name: 'Ingress in extensions/v1beta1', object: live('extensions/v1beta1', 'Ingress', ready), status: 'Healthy' },
    { name: 'a kind of the same name in another group has no health', object: live('serving.knative.dev/v1', 'Service'), status: 'none' },
    { name: 'ConfigMap has no health', object: live('v1', 'ConfigMap'), status: 'none' },
    { name: 'Secret has no health', object: live('v1', 'Secret'), status: 'none' },
    { name: 'a Deployment in a foreign group has no health', object: live('example.com/v1', 'Deployment'), status: 'none' },
    { name: 'no apiVersion or kind has no health', object: {}, status: 'none' },
  ]);
});

describe('objects being deleted', () => {
  const deleting = { metadata: { deletionTimestamp: '2024-01-01T00:00:00Z' } };
  testHealthCases([
    { name: 'any kind pending deletion is Progressing', object: live('v1', 'Service', deleting), status: 'Progressing', message: 'Pending deletion' },
    { name: 'even a kind without health', object: live('v1', 'ConfigMap', deleting), status: 'Progressing', message: 'Pending deletion' },
    {
      name: 'a hook that Argo CD still holds is assessed normally',
      object: live('batch/v1', 'Job', {
        metadata: { deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['argocd.argoproj.io/hook-finalizer'] },
        status: { conditions: [{ type: 'Complete', status: 'True' }] },
      }),
      status: 'Healthy',
    },
    { name: 'a null deletionTimestamp is not a deletion', object: live('v1', 'Service', { metadata: { deletionTimestamp: null } }), status: 'Healthy' },
  ]);
});

describe('Argo CD Applications', () => {
  const app = live('argoproj.io/v1alpha1', 'Application', { status: { health: { status: 'Degraded', message: 'child failed' } } });
  testHealthCases([
    { name: 'no health by default, as Argo CD since 1.8', object: app, status: 'none' },
    { name: 'opt-in reads status.health', object: app, status: 'Degraded', message: 'child failed', options: { applicationHealth: true } },
    {
      name: 'opt-in without status.health is Progressing',
      object: live('argoproj.io/v1alpha1', 'Application'),
      status: 'Progressing',
      options: { applicationHealth: true },
    },
    {
      name: 'opt-in with an unrecognized code is Unknown',
      object: live('argoproj.io/v1alpha1', 'Application', { status: { health: { status: 'Sparkling' } } }),
      status: 'Unknown',
      options: { applicationHealth: true },
    },
  ]);
});

describe('Argo Workflows', () => {
  const workflow = (phase?: string) => live('argoproj.io/v1alpha1', 'Workflow', { status: { phase, message: 'm' } });
  testHealthCases([
    { name: 'no phase yet is Progressing', object: workflow(), status: 'Progressing' },
    { name: 'Running is Progressing', object: workflow('Running'), status: 'Progressing', message: 'm' },
    { name: 'Succeeded is Healthy', object: workflow('Succeeded'), status: 'Healthy' },
    { name: 'Error is Degraded', object: workflow('Error'), status: 'Degraded' },
    { name: 'an unknown phase is Unknown', object: workflow('Skipped'), status: 'Unknown' },
  ]);
});
