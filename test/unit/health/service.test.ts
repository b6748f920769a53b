import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const service = (type: string | undefined, status: Record<string, unknown> = {}) => live('v1', 'Service', { spec: { type }, status });

describe('Service health', () => {
  testHealthCases([
    { name: 'ClusterIP is Healthy', object: service('ClusterIP'), status: 'Healthy' },
    { name: 'no type (ClusterIP by default) is Healthy', object: service(undefined), status: 'Healthy' },
    { name: 'NodePort is Healthy', object: service('NodePort'), status: 'Healthy' },
    { name: 'LoadBalancer without status is Progressing', object: service('LoadBalancer'), status: 'Progressing' },
    { name: 'LoadBalancer with an empty ingress list is Progressing', object: service('LoadBalancer', { loadBalancer: { ingress: [] } }), status: 'Progressing' },
    { name: 'LoadBalancer with a hostname is Healthy', object: service('LoadBalancer', { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }] } }), status: 'Healthy' },
  ]);
});
