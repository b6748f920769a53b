// Reading requests and writing JSON responses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest } from './apiErrors';
import type { JsonValue } from './objects';
import { decodeProtobufObject, isProtobufEnvelope } from './protobufWire';

/**
 * The request body as JSON text. Protobuf bodies (typed clientsets such as `kubectl create
 * namespace` send them) are decoded and re-expressed as JSON, so handlers see one format.
 */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (mediaType(request.headers['content-type']) === 'application/vnd.kubernetes.protobuf' && isProtobufEnvelope(body)) {
    return JSON.stringify(decodeProtobufObject(body));
  }
  return body.toString('utf8');
}

export function parseJsonBody(body: string): JsonValue {
  try {
    return JSON.parse(body) as JsonValue;
  } catch (error) {
    throw badRequest(`error decoding request body: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Apply bodies are YAML (JSON being a subset, which is what kubectl sends). */
export function parseYamlBody(body: string): JsonValue {
  try {
    return parseYaml(body) as JsonValue;
  } catch (error) {
    throw badRequest(`error decoding YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function sendJson(response: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  response.end(text);
}

export function sendText(response: ServerResponse, code: number, text: string): void {
  response.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function booleanParam(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value === 'true' || value === '1';
}
