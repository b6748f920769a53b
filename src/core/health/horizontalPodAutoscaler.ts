// HorizontalPodAutoscaler health (autoscaling v1, v2, v2beta1, v2beta2), after
// gitops-engine health_hpa.go.
import { isJsonObject, objectsAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

/** autoscaling/v1 has no status.conditions; the controller keeps them in this annotation. */
export const hpaConditionsAnnotation = 'autoscaling.alpha.kubernetes.io/conditions';

const waitingToAutoscale = healthResult('Progressing', 'Waiting to Autoscale');

const degradedReasons: Readonly<Record<string, readonly string[]>> = {
  AbleToScale: ['FailedGetScale', 'FailedUpdateScale'],
  ScalingActive: ['FailedGetResourceMetric', 'InvalidSelector'],
};
const healthyWhenTrue = ['AbleToScale', 'ScalingLimited'];

// The first condition that is decisively bad or good wins, in the controller's order.
function fromConditions(conditions: readonly JsonObject[]): HealthResult {
  for (const condition of conditions) {
    const type = stringAt(condition, 'type') ?? '';
    const message = stringAt(condition, 'message') ?? '';
    if (degradedReasons[type]?.includes(stringAt(condition, 'reason') ?? '')) return healthResult('Degraded', message);
    if (healthyWhenTrue.includes(type) && condition['status'] === 'True') return healthResult('Healthy', message);
  }
  return waitingToAutoscale;
}

function annotationConditions(hpa: JsonObject): JsonObject[] | string {
  const text = stringAt(hpa, 'metadata', 'annotations', hpaConditionsAnnotation);
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return 'failed to convert conditions annotation to typed: not a list';
    return parsed.filter(isJsonObject);
  } catch (error) {
    return `failed to convert conditions annotation to typed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function horizontalPodAutoscalerHealth(hpa: JsonObject, version: string): HealthResult {
  if (version !== 'v1') return fromConditions(objectsAt(hpa, 'status', 'conditions'));
  const conditions = annotationConditions(hpa);
  // Argo CD reports an unreadable annotation as a failed assessment.
  if (typeof conditions === 'string') return healthResult('Unknown', conditions);
  return conditions.length === 0 ? waitingToAutoscale : fromConditions(conditions);
}
