// What every resource handler receives, and what it answers.
import type { ClusterState } from './clusterState';
import type { JsonValue } from './objects';
import type { ResourceRequest } from './requestInfo';

export interface RequestContext {
  state: ClusterState;
  request: ResourceRequest;
  query: URLSearchParams;
  headers: { accept: string; contentType: string; userAgent: string };
  body: string;
  now: Date;
}

export interface Reply {
  code: number;
  body: JsonValue;
  contentType?: string;
}

/** The fieldManager parameter, else the User-Agent up to its first "/" (managerOrUserAgent). */
export function updateManager(context: RequestContext): string {
  const explicit = context.query.get('fieldManager');
  if (explicit) return explicit;
  return (context.headers.userAgent.split('/')[0] ?? '').slice(0, 128);
}

export function isDryRun(context: RequestContext): boolean {
  return context.query.getAll('dryRun').includes('All');
}
