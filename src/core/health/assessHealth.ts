// Health of one live object, with Argo CD's built-in semantics: dispatch on group and
// kind like gitops-engine's GetHealthCheckFunc, and no health for kinds it has no check for.
import { arrayAt, field, stringAt, type JsonObject } from './accessors';
import { apiServiceHealth } from './apiService';
import { argoApplicationHealth } from './argoApplication';
import { argoWorkflowHealth } from './argoWorkflow';
import { cronJobHealth } from './cronJob';
import { customResourceDefinitionHealth } from './customResourceDefinition';
import { daemonSetHealth } from './daemonSet';
import { deploymentHealth } from './deployment';
import { healthResult, type HealthResult } from './healthStatus';
import { horizontalPodAutoscalerHealth } from './horizontalPodAutoscaler';
import { ingressHealth } from './ingress';
import { jobHealth } from './job';
import { persistentVolumeClaimHealth } from './persistentVolumeClaim';
import { podHealth } from './pod';
import { replicaSetHealth } from './replicaSet';
import { serviceHealth } from './service';
import { statefulSetHealth } from './statefulSet';

export interface AssessHealthOptions {
  /**
   * Report an Argo CD Application's own status.health. Off by default, as in Argo CD
   * since 1.8, where turning it on is a documented resource customization.
   */
  readonly applicationHealth?: boolean;
}

type HealthCheck = (object: JsonObject, version: string) => HealthResult;

/** Argo CD adds this to hook resources so it can read their result before they go. */
export const hookFinalizer = 'argocd.argoproj.io/hook-finalizer';

// Keyed by "group/Kind" ("" is the core group), the same table as gitops-engine (which
// serves extensions/ only for Ingress now). The fields read are the same in every version
// of a kind, so versions share a check; only HPA v1 differs, inside its check.
const checks: ReadonlyMap<string, HealthCheck> = new Map<string, HealthCheck>([
  ['apps/Deployment', deploymentHealth],
  ['apps/StatefulSet', statefulSetHealth],
  ['apps/ReplicaSet', replicaSetHealth],
  ['apps/DaemonSet', daemonSetHealth],
  ['extensions/Ingress', ingressHealth],
  ['networking.k8s.io/Ingress', ingressHealth],
  ['/Service', serviceHealth],
  ['/PersistentVolumeClaim', persistentVolumeClaimHealth],
  ['/Pod', podHealth],
  ['batch/Job', jobHealth],
  ['batch/CronJob', cronJobHealth],
  ['autoscaling/HorizontalPodAutoscaler', horizontalPodAutoscalerHealth],
  ['apiregistration.k8s.io/APIService', apiServiceHealth],
  ['apiextensions.k8s.io/CustomResourceDefinition', customResourceDefinitionHealth],
  ['argoproj.io/Workflow', argoWorkflowHealth],
]);

const applicationKey = 'argoproj.io/Application';

function groupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function isPendingDeletion(object: JsonObject): boolean {
  const deletionTimestamp = field(object, 'metadata', 'deletionTimestamp');
  // A hook keeps its finalizer until Argo CD has read its outcome, so assess it normally.
  return deletionTimestamp !== undefined && deletionTimestamp !== null && !arrayAt(object, 'metadata', 'finalizers').includes(hookFinalizer);
}

/** The object's health, or undefined when Argo CD assigns none to its kind. */
export function assessHealth(object: Record<string, unknown>, options: AssessHealthOptions = {}): HealthResult | undefined {
  // Whatever the kind: an object on its way out is not settled.
  if (isPendingDeletion(object)) return healthResult('Progressing', 'Pending deletion');

  const { group, version } = groupVersion(stringAt(object, 'apiVersion') ?? '');
  const key = `${group}/${stringAt(object, 'kind') ?? ''}`;
  if (key === applicationKey) return options.applicationHealth ? argoApplicationHealth(object) : undefined;
  return checks.get(key)?.(object, version);
}
