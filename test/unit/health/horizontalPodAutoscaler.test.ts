import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

const condition = (type: string, status: string, reason: string, message = `${type} ${reason}`) => ({ type, status, reason, message });
const hpa = (version: string, conditions: unknown[]) => live(`autoscaling/${version}`, 'HorizontalPodAutoscaler', { status: { conditions } });
const hpaV1 = (annotation?: string) =>
  live('autoscaling/v1', 'HorizontalPodAutoscaler', annotation === undefined ? {} : { metadata: { annotations: { 'autoscaling.alpha.kubernetes.io/conditions': annotation } } });

describe('HorizontalPodAutoscaler health', () => {
  testHealthCases([
    { name: 'v2 able to scale is Healthy', object: hpa('v2', [condition('AbleToScale', 'True', 'ReadyForNewScale', 'ok')]), status: 'Healthy', message: 'ok' },
    { name: 'v2 FailedGetScale is Degraded', object: hpa('v2', [condition('AbleToScale', 'False', 'FailedGetScale', 'no scale')]), status: 'Degraded', message: 'no scale' },
    { name: 'v2 InvalidSelector is Degraded', object: hpa('v2', [condition('ScalingActive', 'False', 'InvalidSelector')]), status: 'Degraded' },
    { name: 'v2 no conditions is Progressing', object: hpa('v2', []), status: 'Progressing', message: 'Waiting to Autoscale' },
    { name: 'v2 only ScalingActive=True is Progressing', object: hpa('v2', [condition('ScalingActive', 'True', 'ValidMetricFound')]), status: 'Progressing' },
    { name: 'v2beta2 ScalingLimited=True is Healthy', object: hpa('v2beta2', [condition('ScalingLimited', 'True', 'TooManyReplicas')]), status: 'Healthy' },
    { name: 'v2beta1 FailedUpdateScale is Degraded', object: hpa('v2beta1', [condition('AbleToScale', 'False', 'FailedUpdateScale')]), status: 'Degraded' },
    {
      // Argo CD stops at the first decisive condition; the peer fixture hpa-v2beta1-healthy-disabled relies on it.
      name: 'the first decisive condition wins, as in Argo CD',
      object: hpa('v2', [condition('AbleToScale', 'True', 'SucceededGetScale'), condition('ScalingActive', 'False', 'FailedGetResourceMetric')]),
      status: 'Healthy',
    },
    { name: 'v1 without the conditions annotation is Progressing', object: hpaV1(), status: 'Progressing', message: 'Waiting to Autoscale' },
    { name: 'v1 with an empty conditions list is Progressing', object: hpaV1('[]'), status: 'Progressing' },
    { name: 'v1 reads conditions from the annotation', object: hpaV1(JSON.stringify([condition('AbleToScale', 'False', 'FailedGetScale')])), status: 'Degraded' },
    { name: 'v1 with an unreadable annotation is Unknown', object: hpaV1('not json'), status: 'Unknown' },
  ]);
});
