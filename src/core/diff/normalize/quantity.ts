// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource):
// `500m` = `0.5`, `1Gi` = `1024Mi`, `1e3` = `1k`. Compared exactly as rationals.

interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const quantityPattern = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimal: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export function parseQuantity(value: unknown): Rational | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? parseQuantity(String(value)) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = quantityPattern.exec(value.trim());
  if (!m) return undefined;
  const [, sign = '', digits = '', suffix = ''] = m;
  const [whole = '', fraction = ''] = digits.split('.');
  let num = BigInt(`${whole}${fraction}` || '0');
  let den = 10n ** BigInt(fraction.length);
  if (suffix in binary) num *= 2n ** BigInt(binary[suffix] ?? 0);
  else {
    const exponent = suffix in decimal ? (decimal[suffix] ?? 0) : suffix ? Number(suffix.slice(1)) : 0;
    if (exponent >= 0) num *= 10n ** BigInt(exponent);
    else den *= 10n ** BigInt(-exponent);
  }
  return { num: sign === '-' ? -num : num, den };
}

export function sameQuantity(a: unknown, b: unknown): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  return x !== undefined && y !== undefined && x.num * y.den === y.num * x.den;
}

// Where quantities live, judged by the path's last few names (not the key alone:
// `data.storage` in a ConfigMap or a label named `limits` is a plain string).
const quantityMapsUnder: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['resources', new Set(['requests', 'limits'])], // containers, PVCs, volume claim templates
  ['spec', new Set(['hard', 'capacity', 'overhead'])], // ResourceQuota, PersistentVolume, pod overhead
]);
const limitRangeMaps: ReadonlySet<string> = new Set(['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']);
// HPA metric targets: `averageValue: 500m`.
const targetValues: ReadonlySet<string> = new Set(['value', 'averageValue']);

/** True when the value at `path` is a quantity, judged by where it sits. */
export function isQuantityPath(path: readonly (string | number)[]): boolean {
  const n = path.length;
  const key = path[n - 1];
  const parent = path[n - 2];
  if (typeof parent !== 'string' || path[0] === 'metadata') return false;
  const grandparent = path[n - 3];
  if (typeof grandparent === 'string' && quantityMapsUnder.get(grandparent)?.has(parent)) return true;
  if (limitRangeMaps.has(parent)) return typeof grandparent === 'number' && path[n - 4] === 'limits';
  if (typeof key !== 'string') return false;
  return (key === 'sizeLimit' && parent === 'emptyDir') || (parent === 'target' && targetValues.has(key));
}
