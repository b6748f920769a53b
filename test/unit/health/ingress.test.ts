import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const ingress = (status: Record<string, unknown> = {}) => live('networking.k8s.io/v1', 'Ingress', { status });

describe('Ingress health', () => {
  testHealthCases([
    { name: 'no address yet is Progressing', object: ingress(), status: 'Progressing' },
    { name: 'an empty address list is Progressing', object: ingress({ loadBalancer: { ingress: [] } }), status: 'Progressing' },
    { name: 'an IP is Healthy', object: ingress({ loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } }), status: 'Healthy' },
  ]);
});
