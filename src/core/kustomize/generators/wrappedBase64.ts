import { encodeBase64 } from '../../crypto/base64';

// kyaml's encodeBase64 (kyaml/yaml/datamap.go): once the encoding is 70 characters or
// longer, every 70-character line ends in "\n", the last one included. Stored that way,
// the value contains a newline, so the emitter prints it as a `|` block as kustomize does.

const lineLength = 70;

export function wrappedBase64(bytes: Uint8Array): string {
  const encoded = encodeBase64(bytes);
  if (encoded.length < lineLength) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i += lineLength) out += `${encoded.slice(i, i + lineLength)}\n`;
  return out;
}
