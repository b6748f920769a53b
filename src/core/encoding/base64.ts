// Base64 without Node's Buffer, so the core stays portable.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64FromBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(triple >> 18) & 63];
    out += alphabet[(triple >> 12) & 63];
    out += b === undefined ? '=' : alphabet[(triple >> 6) & 63];
    out += c === undefined ? '=' : alphabet[triple & 63];
  }
  return out;
}

export function base64FromText(text: string): string {
  return base64FromBytes(new TextEncoder().encode(text));
}
