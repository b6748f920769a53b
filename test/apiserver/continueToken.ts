// The opaque `continue` token of a chunked list, shaped like kube-apiserver's: base64 of
// {"v":"meta.k8s.io/v1","rv":<list snapshot>,"start":<last key served>}.
import { badRequest } from './apiErrors';

export interface ContinueToken {
  /** The resourceVersion of the first page: every page is served as of it. */
  readonly resourceVersion: number;
  /** The namespace/name key of the last item served; the next page starts after it. */
  readonly lastKey: string;
}

const version = 'meta.k8s.io/v1';

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: version, rv: token.resourceVersion, start: token.lastKey })).toString('base64');
}

/** Decodes a client's token; a malformed one is a 400, as kube-apiserver answers. */
export function decodeContinue(text: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw invalid('not base64-encoded JSON');
  }
  const { v, rv, start } = (parsed ?? {}) as { v?: unknown; rv?: unknown; start?: unknown };
  if (v !== version) throw invalid(`unrecognized version ${JSON.stringify(v)}`);
  if (typeof rv !== 'number' || !Number.isInteger(rv) || rv <= 0) throw invalid('no valid resourceVersion');
  if (typeof start !== 'string' || start === '') throw invalid('no start key');
  return { resourceVersion: rv, lastKey: start };
}

function invalid(reason: string): Error {
  return badRequest(`continue key is not valid: ${reason}`);
}
