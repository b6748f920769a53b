// Standard base64 with padding (RFC 4648 §4), as Go's base64.StdEncoding; pure so the
// core runs in the browser as well as in Node.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += alphabet.charAt((n >> 18) & 63) + alphabet.charAt((n >> 12) & 63);
    out += b1 === undefined ? '=' : alphabet.charAt((n >> 6) & 63);
    out += b2 === undefined ? '=' : alphabet.charAt(n & 63);
  }
  return out;
}
