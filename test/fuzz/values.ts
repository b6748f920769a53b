import type { Random } from './random';

// Value pools for generated overlays: the ordinary values GitOps repos hold, plus the
// ones that stress the YAML emitter and kustomize's string handling (YAML 1.1 booleans,
// octal-looking numbers, long lines, multi-line text, colons and hashes).

export const appNames = ['api', 'web', 'worker', 'billing', 'cache', 'frontend', 'auth', 'search'] as const;

export const images = [
  'nginx',
  'nginx:1.25.3',
  'redis:7-alpine',
  'busybox@sha256:1ff6c18fbef2045af6b9c16bf034cc421a29027b800e4f9b68ae9b1cb3e9ae07',
  'ghcr.io/acme/app:v1.2.3',
  'registry.local:5000/team/app:2.0',
  'docker.io/library/postgres:16',
  'quay.io/prometheus/node-exporter:v1.8.0',
] as const;

export const plainValues = ['info', 'debug', 'production', 'eu-west-1', 'v2', 'enabled', '8080', 'blue', 'team-a'];

export const trickyValues = [
  'true', 'yes', 'on', 'off', 'no', 'y', 'n', '~', 'null', '0123', '0x1F', '1e3', '1.0', '.5', '-', '',
  // Strings to the YAML 1.2 writer, so written plain, but numbers to yaml.v3 (kustomize's reader).
  '1_000', '0b101', '-0x1F',
  '*', '&anchor', 'a: b', 'key=value', '# not a comment', 'http://example.com:8080/path?q=1', "it's", 'say "hi"',
  '2024-01-01', '12:30', '@handle', '%percent', '`tick`', 'trailing ', ' leading', 'tab\there', 'ünïcödé',
  'a'.repeat(90), 'word '.repeat(20).trim(), 'line one\nline two\n', 'no trailing newline\nsecond', '  indented\nblock\n',
];

export function labelValue(rng: Random): string {
  // Label values must stay valid for kubectl's label checks? kustomize does not validate them.
  return rng.chance(0.7) ? rng.pick(plainValues) : rng.pick(trickyValues.filter((v) => !v.includes('\n')));
}

export function dataValue(rng: Random): string {
  return rng.chance(0.5) ? rng.pick(plainValues) : rng.pick(trickyValues);
}

export function labelKey(rng: Random): string {
  return rng.pick(['team', 'env', 'tier', 'app.kubernetes.io/part-of', 'example.com/owner', 'cost-center', 'release', 'track']);
}

export function annotationKey(rng: Random): string {
  return rng.pick(['note', 'example.com/contact', 'argocd.argoproj.io/sync-wave', 'deployed-by', 'description', 'checksum/config']);
}

export function record(rng: Random, count: number, key: (rng: Random) => string, value: (rng: Random) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) out[key(rng)] = value(rng);
  return out;
}
