import { describe } from 'node:test';
import { live, testHealthCases } from './healthCases';

function pod(restartPolicy: string | undefined, status: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return live('v1', 'Pod', { metadata, spec: { restartPolicy, containers: [{ name: 'main', image: 'app' }] }, status });
}
const ready = { type: 'Ready', status: 'True' };
const notReady = { type: 'Ready', status: 'False' };
const waiting = (reason: string, message: string) => ({ name: 'main', state: { waiting: { reason, message } } });
const terminated = (terminatedState: Record<string, unknown>) => ({ name: 'main', state: { terminated: terminatedState } });

describe('Pod health', () => {
  testHealthCases([
    { name: 'Running and Ready is Healthy', object: pod('Always', { phase: 'Running', conditions: [ready] }), status: 'Healthy' },
    { name: 'Running, not Ready, never restarted is Progressing', object: pod('Always', { phase: 'Running', conditions: [notReady] }), status: 'Progressing' },
    {
      name: 'Running, not Ready, after a container died is Degraded',
      object: pod('Always', { phase: 'Running', message: 'm', conditions: [notReady], containerStatuses: [{ name: 'main', lastState: { terminated: { exitCode: 1 } } }] }),
      status: 'Degraded',
      message: 'm',
    },
    {
      name: 'restartPolicy Always with CrashLoopBackOff and ImagePullBackOff is Degraded, messages joined',
      object: pod('Always', { phase: 'Running', containerStatuses: [waiting('CrashLoopBackOff', 'back-off 5m'), waiting('ImagePullBackOff', 'no such image')] }),
      status: 'Degraded',
      message: 'back-off 5m, no such image',
    },
    {
      name: 'restartPolicy Always with CreateContainerConfigError is Degraded',
      object: pod('Always', { phase: 'Pending', containerStatuses: [waiting('CreateContainerConfigError', 'secret "x" not found')] }),
      status: 'Degraded',
    },
    {
      name: 'restartPolicy Always with ContainerCreating is still Progressing',
      object: pod('Always', { phase: 'Pending', containerStatuses: [waiting('ContainerCreating', '')] }),
      status: 'Progressing',
    },
    {
      name: 'restartPolicy Never with ImagePullBackOff stays Progressing (hook pods must not fail early)',
      object: pod('Never', { phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff', 'no such image')] }),
      status: 'Progressing',
    },
    { name: 'restartPolicy Never while Running is Progressing, even when Ready', object: pod('Never', { phase: 'Running', conditions: [ready] }), status: 'Progressing' },
    { name: 'restartPolicy OnFailure while Running is Progressing', object: pod('OnFailure', { phase: 'Running', conditions: [ready] }), status: 'Progressing' },
    {
      name: 'the ignore-restart-policy annotation assesses a Never pod like a long-running one',
      object: pod('Never', { phase: 'Running', conditions: [ready] }, { annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' } }),
      status: 'Healthy',
    },
    { name: 'restartPolicy Never, Succeeded is Healthy', object: pod('Never', { phase: 'Succeeded' }), status: 'Healthy' },
    {
      name: 'restartPolicy Never, terminated with an exit code is Degraded naming the container',
      object: pod('Never', { phase: 'Failed', containerStatuses: [terminated({ exitCode: 2, reason: 'Error' })] }),
      status: 'Degraded',
      message: 'container "main" failed with exit code 2',
    },
    {
      name: 'Failed prefers the termination message',
      object: pod('Never', { phase: 'Failed', containerStatuses: [terminated({ exitCode: 1, message: 'disk full' })] }),
      status: 'Degraded',
      message: 'disk full',
    },
    {
      name: 'Failed reports OOMKilled',
      object: pod('Never', { phase: 'Failed', containerStatuses: [terminated({ exitCode: 137, reason: 'OOMKilled' })] }),
      status: 'Degraded',
      message: 'OOMKilled',
    },
    {
      name: 'Failed looks at init containers first',
      object: pod('Never', {
        phase: 'Failed',
        initContainerStatuses: [{ name: 'migrate', state: { terminated: { exitCode: 3 } } }],
        containerStatuses: [terminated({ exitCode: 1 })],
      }),
      status: 'Degraded',
      message: 'container "migrate" failed with exit code 3',
    },
    { name: 'Failed with a pod message uses it', object: pod('Always', { phase: 'Failed', message: 'Pod was evicted' }), status: 'Degraded', message: 'Pod was evicted' },
    { name: 'an unknown phase is Unknown', object: pod('Always', { phase: 'Unknown' }), status: 'Unknown' },
    { name: 'Running without a restartPolicy is Unknown, as in Argo CD', object: pod(undefined, { phase: 'Running', conditions: [ready] }), status: 'Unknown' },
  ]);
});
