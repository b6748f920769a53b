// Protocol-buffer wire decoding for the bodies typed client-go clientsets send (kubectl
// create <kind> uses them, and client-go ≥ 1.31 speaks protobuf to built-in types):
// the `k8s\0` envelope (runtime.Unknown), then the object by a field-number schema.
import { ApiError } from './apiErrors';
import type { JsonObject, JsonValue } from './objects';
import { messageSchemas, type FieldSpec } from './protobufSchemas';

const envelopeMagic = Buffer.from('k8s\u0000', 'latin1');

interface WireField {
  number: number;
  /** Varint value, or the bytes of a length-delimited field. */
  value: bigint | Buffer;
}

function readVarint(buffer: Buffer, start: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  let offset = start;
  for (;;) {
    const byte = buffer[offset++];
    if (byte === undefined) throw new Error('truncated varint');
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value, next: offset };
    shift += 7n;
  }
}

function readFields(buffer: Buffer): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const tag = readVarint(buffer, offset);
    offset = tag.next;
    const number = Number(tag.value >> 3n);
    const wireType = Number(tag.value & 7n);
    if (wireType === 0) {
      const v = readVarint(buffer, offset);
      fields.push({ number, value: v.value });
      offset = v.next;
    } else if (wireType === 2) {
      const length = readVarint(buffer, offset);
      const end = length.next + Number(length.value);
      fields.push({ number, value: buffer.subarray(length.next, end) });
      offset = end;
    } else if (wireType === 1 || wireType === 5) {
      offset += wireType === 1 ? 8 : 4; // fixed64/fixed32: no Kubernetes type uses them
    } else {
      throw new Error(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}

function asBuffer(value: bigint | Buffer): Buffer {
  if (typeof value === 'bigint') throw new Error('expected a length-delimited field');
  return value;
}

function decodeTime(bytes: Buffer): JsonValue {
  const seconds = readFields(bytes).find((f) => f.number === 1)?.value;
  if (typeof seconds !== 'bigint' || seconds === 0n) return null;
  return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function decodeScalar(spec: FieldSpec, value: bigint | Buffer): JsonValue {
  switch (spec.type) {
    case 'string': return asBuffer(value).toString('utf8');
    case 'bytes': return asBuffer(value).toString('base64');
    case 'int': return Number(BigInt.asIntN(64, value as bigint));
    case 'bool': return value !== 0n;
    case 'time': return decodeTime(asBuffer(value));
    default: return decodeMessage(spec.type, asBuffer(value));
  }
}

/** Go's JSON omits empty strings, zeros and false (omitempty) and nil times, unless a pointer is set. */
function isOmitted(spec: FieldSpec, value: JsonValue): boolean {
  if (value === null) return true;
  return !spec.pointer && (value === '' || value === 0 || value === false);
}

/** A zero value (0, empty, or a message of zero values): what Go sends for unset non-pointer fields. */
function isZero(value: bigint | Buffer): boolean {
  if (typeof value === 'bigint') return value === 0n;
  if (value.length === 0) return true;
  try {
    return readFields(value).every((f) => isZero(f.value));
  } catch {
    return false;
  }
}

export function decodeMessage(name: string, bytes: Buffer): JsonObject {
  const schema = messageSchemas[name];
  if (!schema) throw new Error(`no protobuf schema for ${name}`);
  const out: JsonObject = {};
  for (const field of readFields(bytes)) {
    const spec = schema[field.number];
    if (!spec) {
      if (isZero(field.value)) continue;
      throw new Error(`${name} field ${field.number} is not in the emulator's protobuf schema`);
    }
    if (spec.map) {
      const entry = readFields(asBuffer(field.value));
      const key = entry.find((f) => f.number === 1)?.value;
      const value = entry.find((f) => f.number === 2)?.value;
      const map = (out[spec.name] ??= {}) as JsonObject;
      map[key ? asBuffer(key).toString('utf8') : ''] = value === undefined ? (spec.type === 'bytes' || spec.type === 'string' ? '' : null) : decodeScalar(spec, value);
      continue;
    }
    const value = decodeScalar(spec, field.value);
    if (spec.repeated) ((out[spec.name] ??= []) as JsonValue[]).push(value);
    else if (!isOmitted(spec, value)) out[spec.name] = value;
  }
  return out;
}

export function isProtobufEnvelope(body: Buffer): boolean {
  return body.subarray(0, envelopeMagic.length).equals(envelopeMagic);
}

/** Decodes a `k8s\0` protobuf body into the JSON object it stands for. */
export function decodeProtobufObject(body: Buffer): JsonObject {
  try {
    const unknown = readFields(body.subarray(envelopeMagic.length));
    const typeMeta = unknown.find((f) => f.number === 1);
    const raw = unknown.find((f) => f.number === 2);
    const meta = typeMeta ? readFields(asBuffer(typeMeta.value)) : [];
    const apiVersion = meta.find((f) => f.number === 1);
    const kind = meta.find((f) => f.number === 2);
    const kindName = kind ? asBuffer(kind.value).toString('utf8') : '';
    const object = decodeMessage(kindName, raw ? asBuffer(raw.value) : Buffer.alloc(0));
    return { apiVersion: apiVersion ? asBuffer(apiVersion.value).toString('utf8') : '', kind: kindName, ...object };
  } catch (error) {
    throw new ApiError(415, 'UnsupportedMediaType',
      `the emulator cannot decode this protobuf body (${error instanceof Error ? error.message : String(error)}); send application/json`);
  }
}
