// Just enough /openapi/v3 for kubectl's field-validation check (client-go openapi3 +
// cli-runtime query_param_verifier): each group-version document declares, per kind, a PATCH
// operation that accepts the fieldValidation query parameter. kubectl then validates on the
// server (fieldValidation=Strict) instead of downloading schemas, so apply runs without
// --validate=false. Custom resources are checked through the Namespace PATCH path.
import { createHash } from 'node:crypto';
import type { JsonObject } from './objects';
import type { ResourceRegistry } from './resourceRegistry';
import type { ResourceType } from './resourceTable';
import { serverVersion } from './discovery';

function documentPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

const queryParameters = ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'pretty'].map((name) => ({
  name, in: 'query', uniqueItems: true, schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
}));

function patchOperation(type: ResourceType): JsonObject {
  return {
    description: `partially update the specified ${type.kind}`,
    operationId: `patch${type.kind}`,
    parameters: queryParameters,
    requestBody: { content: { 'application/apply-patch+yaml': { schema: { type: 'object' } }, 'application/merge-patch+json': { schema: { type: 'object' } } }, required: true },
    responses: { '200': { description: 'OK' }, '201': { description: 'Created' } },
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': { group: type.group, version: type.version, kind: type.kind },
  };
}

export function openApiDocument(registry: ResourceRegistry, group: string, version: string): JsonObject | undefined {
  const types = registry.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const paths: JsonObject = {};
  for (const type of types) {
    const scope = type.namespaced ? '/namespaces/{namespace}' : '';
    paths[`/${documentPath(group, version)}${scope}/${type.plural}/{name}`] = {
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } },
        ...(type.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } }] : [])],
      patch: patchOperation(type),
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: serverVersion.gitVersion }, paths, components: { schemas: {} } };
}

export function openApiRoot(registry: ResourceRegistry): JsonObject {
  const paths: JsonObject = {};
  for (const { group, version } of registry.groupVersions()) {
    const doc = openApiDocument(registry, group, version);
    const hash = createHash('sha512').update(JSON.stringify(doc)).digest('hex').slice(0, 128).toUpperCase();
    paths[documentPath(group, version)] = { serverRelativeURL: `/openapi/v3/${documentPath(group, version)}?hash=${hash}` };
  }
  return { paths };
}
