// metav1.Status failures, spelled like k8s.io/apimachinery/pkg/api/errors.
import { qualifiedKind, qualifiedResource, type ResourceType } from './resourceTable';

// Type aliases rather than interfaces, so that a Status is assignable to JsonObject.
export type StatusCause = {
  type?: string;
  message?: string;
  field?: string;
};

export type StatusDetails = {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
};

export type Status = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
};

/** Thrown by handlers; the server turns it into the Status body and HTTP code. */
export class ApiError extends Error {
  readonly status: Status;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
    if (details) this.status.details = details;
  }
}

function detailsFor(type: ResourceType, name: string): StatusDetails {
  const details: StatusDetails = { name };
  if (type.group !== '') details.group = type.group;
  details.kind = type.plural;
  return details;
}

export function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(type)} "${name}" not found`, detailsFor(type, name));
}

export function namespaceNotFound(name: string): ApiError {
  return new ApiError(404, 'NotFound', `namespaces "${name}" not found`, { name, kind: 'namespaces' });
}

export function unknownPath(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function alreadyExists(type: ResourceType, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedResource(type)} "${name}" already exists`, detailsFor(type, name));
}

export function staleResourceVersion(type: ResourceType, name: string): ApiError {
  return new ApiError(409, 'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsFor(type, name));
}

export function invalid(type: ResourceType, name: string, causes: Required<StatusCause>[]): ApiError {
  const summary = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  const message = `${qualifiedKind(type)} "${name}" is invalid: ${causes.length > 1 ? `[${summary}]` : summary}`;
  const details: StatusDetails = { name };
  if (type.group !== '') details.group = type.group;
  details.kind = type.kind;
  details.causes = causes;
  return new ApiError(422, 'Invalid', message, details);
}

/** PatchOptions validation failures (fieldManager, force) name the options kind, not the object. */
export function invalidPatchOptions(field: string, cause: 'Required' | 'Forbidden', detail: string): ApiError {
  const [type, label] = cause === 'Required' ? ['FieldValueRequired', 'Required value'] : ['FieldValueForbidden', 'Forbidden'];
  const message = `${label}: ${detail}`;
  return new ApiError(422, 'Invalid', `PatchOptions.meta.k8s.io "" is invalid: ${field}: ${message}`, {
    group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ type, message, field }],
  });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotSupported(type: ResourceType, verb: string): ApiError {
  return new ApiError(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualifiedResource(type)}"`, { group: type.group, kind: type.plural });
}

/** What the server answers a strategic merge patch aimed at a custom resource. */
export function unsupportedMediaType(): ApiError {
  return new ApiError(415, 'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
}

export function expired(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}
