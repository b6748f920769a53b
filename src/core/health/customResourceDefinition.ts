// CustomResourceDefinition health, after gitops-engine health_customresourcedefinition.go.
import { objectsAt, stringAt, type JsonObject } from './accessors';
import { healthResult, type HealthResult } from './healthStatus';

export function customResourceDefinitionHealth(crd: JsonObject): HealthResult {
  const conditions = objectsAt(crd, 'status', 'conditions');
  if (conditions.length === 0) return healthResult('Progressing', 'Status conditions not found');

  let established = false;
  let terminating = false;
  let namesNotAccepted = false;
  let nonStructural = false;
  let message = '';
  for (const condition of conditions) {
    const isTrue = condition['status'] === 'True';
    const text = stringAt(condition, 'message') ?? '';
    switch (condition['type']) {
      case 'Terminating':
        if (isTrue) [terminating, message] = [true, text];
        break;
      case 'NamesAccepted':
        if (condition['status'] === 'False') [namesNotAccepted, message] = [true, text];
        break;
      case 'Established':
        if (isTrue) established = true;
        else message = text;
        break;
      case 'NonStructuralSchema':
        if (isTrue) [nonStructural, message] = [true, text];
        break;
    }
  }
  if (terminating) return healthResult('Progressing', `CRD is being terminated: ${message}`);
  if (namesNotAccepted) return healthResult('Degraded', `CRD names have not been accepted: ${message}`);
  if (!established) return healthResult('Degraded', `CRD is not established: ${message}`);
  if (nonStructural) return healthResult('Degraded', `Schema violations found: ${message}`);
  return healthResult('Healthy', 'CRD is healthy');
}
