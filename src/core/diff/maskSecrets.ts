// Secret values never leave the diff engine. Like Argo CD, the mask still shows
// *that* a key differs: differing values get masks of different lengths.

const sameMask = '++++++++';
const otherMask = '+++++++++';

export function maskSecretValue(desired: unknown, live: unknown, side: 'desired' | 'live'): unknown {
  const value = side === 'desired' ? desired : live;
  if (value === undefined || value === null) return value;
  if (typeof value === 'object') return maskObject(value as Record<string, unknown>);
  return side === 'live' && desired !== live ? otherMask : sameMask;
}

function maskObject(map: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(map).map((k) => [k, sameMask]));
}
