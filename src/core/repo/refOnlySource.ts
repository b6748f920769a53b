import type { AppSource } from './model';

/**
 * A multi-source Application's `ref` source that only lends its repository to the others'
 * `$ref/…` values files: it names no path and no chart, so it renders nothing itself.
 */
export function isRefOnlySource(source: AppSource): boolean {
  return source.ref !== undefined && source.ref !== '' && !source.path && !source.chart;
}
