// The two schema-free patch types: JSON merge patch (RFC 7386) and JSON patch (RFC 6902).
import { ApiError } from './apiErrors';
import { clone, deepEqual, isObject, type JsonObject, type JsonValue } from './objects';

export function jsonMergePatch(original: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(original) ? { ...original } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw invalidPatch(`invalid JSON pointer: ${path}`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function invalidPatch(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

function parentOf(root: JsonValue, tokens: string[]): { parent: JsonValue; last: string } {
  let node: JsonValue | undefined = root;
  for (const token of tokens.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
    if (node === undefined) throw invalidPatch(`doc is missing path: /${tokens.join('/')}`);
  }
  return { parent: node, last: tokens[tokens.length - 1] ?? '' };
}

function read(root: JsonValue, path: string): JsonValue {
  const tokens = pointer(path);
  if (tokens.length === 0) return root;
  const { parent, last } = parentOf(root, tokens);
  const value = Array.isArray(parent) ? parent[Number(last)] : isObject(parent) ? parent[last] : undefined;
  if (value === undefined) throw invalidPatch(`doc is missing path: ${path}`);
  return value;
}

function remove(root: JsonValue, path: string): void {
  const { parent, last } = parentOf(root, pointer(path));
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent) && parent[last] !== undefined) delete parent[last];
  else throw invalidPatch(`doc is missing path: ${path}`);
}

function add(root: JsonValue, path: string, value: JsonValue, replace: boolean): void {
  const { parent, last } = parentOf(root, pointer(path));
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    parent.splice(index, replace ? 1 : 0, clone(value));
  } else if (isObject(parent)) {
    if (replace && parent[last] === undefined) throw invalidPatch(`doc is missing key: ${path}`);
    parent[last] = clone(value);
  } else {
    throw invalidPatch(`doc is missing path: ${path}`);
  }
}

export function jsonPatch(original: JsonObject, operations: JsonValue): JsonObject {
  if (!Array.isArray(operations)) throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = clone(original);
  for (const raw of operations) {
    if (!isObject(raw) || typeof raw['op'] !== 'string' || typeof raw['path'] !== 'string') throw invalidPatch('invalid JSON patch operation');
    const op = raw as unknown as Operation;
    switch (op.op) {
      case 'add': add(doc, op.path, op.value ?? null, false); break;
      case 'replace': add(doc, op.path, op.value ?? null, true); break;
      case 'remove': remove(doc, op.path); break;
      case 'copy': add(doc, op.path, read(doc, op.from ?? ''), false); break;
      case 'move': {
        const value = read(doc, op.from ?? '');
        remove(doc, op.from ?? '');
        add(doc, op.path, value, false);
        break;
      }
      case 'test':
        if (!deepEqual(read(doc, op.path), op.value)) throw invalidPatch(`testing value ${op.path} failed`);
        break;
      default: throw invalidPatch(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
