// Bearer-token authentication and RBAC-like authorization. Users carry rules of
// verbs × resources × API groups × namespaces; a user without rules may do anything
// (cluster-admin). Denials are spelled like k8s.io/apiserver's responsewriters.Forbidden,
// unknown or expired tokens answer 401 like its authentication filter.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError } from './apiErrors';

export interface PolicyRule {
  /** get, list, watch, create, update, patch, delete, deletecollection, or '*'. */
  verbs: string[];
  /** Plural resource names ('deployments'), with subresources spelled 'deployments/scale'; '*' for all. */
  resources: string[];
  /** '' for the core group; default ['*']. */
  apiGroups?: string[];
  /** Namespaces the rule applies in (like a RoleBinding); default: everywhere, cluster scope included. */
  namespaces?: string[];
}

export interface UserSpec {
  name: string;
  /** Default: a random token (reused from the state dir when there is one). */
  token?: string;
  /** Default: no restrictions. */
  rules?: PolicyRule[];
  /** After this instant the token answers 401. */
  expiresAt?: Date | string | number;
}

export interface ServedUser {
  name: string;
  token: string;
  /** The kubeconfig context that uses this user's token. */
  context: string;
  rules?: PolicyRule[];
  expiresAt?: number;
}

/** What a request asks to do, in the authorizer's terms (authorizer.Attributes). */
export interface RequestAttributes {
  verb: string;
  path: string;
  resource?: { group: string; plural: string; subresource?: string; namespace?: string; name?: string };
}

export const adminUserName = 'admin';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function expiryOf(value: UserSpec['expiresAt']): number | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
}

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

export class Authenticator {
  constructor(private readonly users: ServedUser[]) {}

  /** The user the Authorization header names, or undefined (401). */
  authenticate(header: string | undefined, now = Date.now()): ServedUser | undefined {
    const match = /^Bearer (.+)$/.exec(header ?? '');
    if (!match?.[1]) return undefined;
    const token = match[1];
    const user = this.users.find((u) => sameToken(u.token, token));
    if (!user || (user.expiresAt !== undefined && now >= user.expiresAt)) return undefined;
    return user;
  }

  /** Expires a user's token now (or at `at`), as a rotated service-account token would. */
  expire(name: string, at = Date.now()): void {
    const user = this.users.find((u) => u.name === name);
    if (!user) throw new Error(`no user ${name}`);
    user.expiresAt = at;
  }
}

function matches(list: readonly string[] | undefined, value: string): boolean {
  return list === undefined || list.includes('*') || list.includes(value);
}

function resourceMatches(rule: PolicyRule, plural: string, subresource: string | undefined): boolean {
  const name = subresource ? `${plural}/${subresource}` : plural;
  return rule.resources.some((r) => r === '*' || r === name || (subresource !== undefined && r === `*/${subresource}`));
}

function allows(rule: PolicyRule, attributes: RequestAttributes): boolean {
  const resource = attributes.resource;
  if (!resource) return false;
  if (!matches(rule.verbs, attributes.verb) || !matches(rule.apiGroups, resource.group)) return false;
  if (!resourceMatches(rule, resource.plural, resource.subresource)) return false;
  // Namespaced grants (RoleBindings) never cover cluster-scoped or all-namespace requests.
  return rule.namespaces === undefined || (resource.namespace !== undefined && rule.namespaces.includes(resource.namespace));
}

/** forbiddenMessage in k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go. */
function forbiddenMessage(user: ServedUser, attributes: RequestAttributes): string {
  const resource = attributes.resource;
  if (!resource) return `User "${user.name}" cannot ${attributes.verb} path "${attributes.path}"`;
  const name = resource.subresource ? `${resource.plural}/${resource.subresource}` : resource.plural;
  const where = resource.namespace !== undefined ? `in the namespace "${resource.namespace}"` : 'at the cluster scope';
  return `User "${user.name}" cannot ${attributes.verb} resource "${name}" in API group "${resource.group}" ${where}`;
}

/** apierrors.NewForbidden: `<resource>.<group> "<name>" is forbidden: <why>`. */
export function forbidden(user: ServedUser, attributes: RequestAttributes): ApiError {
  const why = forbiddenMessage(user, attributes);
  const resource = attributes.resource;
  if (!resource) return new ApiError(403, 'Forbidden', `forbidden: ${why}`, {});
  const qualified = resource.group === '' ? resource.plural : `${resource.plural}.${resource.group}`;
  const name = resource.name ?? '';
  const message = name === '' ? `${qualified} is forbidden: ${why}` : `${qualified} "${name}" is forbidden: ${why}`;
  const details: { name?: string; group?: string; kind?: string } = {};
  if (name !== '') details.name = name;
  if (resource.group !== '') details.group = resource.group;
  details.kind = resource.plural;
  return new ApiError(403, 'Forbidden', message, details);
}

/**
 * Throws 403 unless the user may make the request. Discovery, /version and OpenAPI are open to
 * every authenticated user (the system:discovery and system:public-info-viewer bindings).
 */
export function authorize(user: ServedUser, attributes: RequestAttributes): void {
  if (!user.rules) return;
  if (!attributes.resource && attributes.verb === 'get' && !attributes.path.startsWith('/_driftline')) return;
  if (user.rules.some((rule) => allows(rule, attributes))) return;
  throw forbidden(user, attributes);
}
