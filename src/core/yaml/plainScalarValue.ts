import { parse } from 'yaml';
import { goTimestampText } from './goTimestamp';
import { goyamlV3Number } from './goyamlV3Number';

// How kustomize reads a plain scalar of a resource (yaml.v3 into JSON): the YAML 1.2 core
// schema, with a leading-zero integer read as octal (`0440` is 288) and a timestamp
// printed in RFC 3339. The same reading as trackedParse's `resource` mode, for text that
// reaches a resource other than through a parse.

/** The value of `text` written as a plain scalar. */
export function plainScalarValue(text: string): unknown {
  if (/^[-+]?0[0-7]+$/.test(text)) return (text.startsWith('-') ? -1 : 1) * parseInt(text.replace(/^[-+]/, ''), 8);
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return text;
  }
  if (typeof value === 'string') return goyamlV3Number(text) ?? goTimestampText(value) ?? value;
  return value !== null && typeof value === 'object' ? text : value;
}
