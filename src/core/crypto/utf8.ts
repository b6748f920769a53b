// UTF-8 conversions over the TextEncoder/TextDecoder globals, present in Node and browsers.

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The text of `bytes`, or undefined when they are not valid UTF-8 (Go's `utf8.Valid`). */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}
