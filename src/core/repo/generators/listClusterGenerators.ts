import { diagnostic } from '../../result';
import { inClusterServer } from '../destinationContext';
import type { ClusterEntry } from '../model';
import { flattenParams } from '../template/fastTemplate';
import { normalizeName } from '../template/goTemplateFuncs';
import { renderTree } from '../template/renderTree';
import { list, record, str, stringList, stringMap } from '../values';
import type { GeneratorContext, Params } from './generatorTypes';

/** List generator: each element is a parameter set; fasttemplate flattens nested `values`. */
export function listGenerator(spec: Record<string, unknown>, ctx: GeneratorContext): Params[] {
  if (spec['elementsYaml'] !== undefined) ctx.diagnostics.push(diagnostic(ctx.at.file, 'list generator: elementsYaml is not evaluated offline', ctx.at, 'warning'));
  return list(spec['elements']).map((element) => (ctx.goTemplate ? { ...record(element) } : flattenParams(record(element))));
}

function matchesSelector(cluster: ClusterEntry, selector: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(stringMap(selector['matchLabels']))) if (cluster.labels[k] !== v) return false;
  for (const raw of list(selector['matchExpressions'])) {
    const e = record(raw);
    const key = str(e['key']) ?? '';
    const values = stringList(e['values']);
    const has = Object.prototype.hasOwnProperty.call(cluster.labels, key);
    const value = cluster.labels[key] ?? '';
    const ok = { In: has && values.includes(value), NotIn: !has || !values.includes(value), Exists: has, DoesNotExist: !has }[str(e['operator']) ?? ''];
    if (!ok) return false;
  }
  return true;
}

/**
 * Cluster generator over the clusters Argo CD would know: the repo's cluster Secrets (or
 * kubeconfig contexts), plus Argo CD's own `in-cluster` when the selector is empty —
 * as Argo CD adds its local cluster unless a selector narrows the set.
 */
export function clusterGenerator(spec: Record<string, unknown>, ctx: GeneratorContext): Params[] {
  const selector = record(spec['selector']);
  const narrowed = Object.keys(stringMap(selector['matchLabels'])).length > 0 || list(selector['matchExpressions']).length > 0;
  const clusters = [...ctx.clusters];
  if (!narrowed && !clusters.some((c) => c.server === inClusterServer)) {
    clusters.push({ name: 'in-cluster', server: inClusterServer, labels: {}, annotations: {}, from: 'in-cluster' });
  }
  const out: Params[] = [];
  for (const cluster of clusters.filter((c) => matchesSelector(c, selector))) {
    const base = { name: cluster.name, nameNormalized: normalizeName(cluster.name), server: cluster.server, metadata: { labels: { ...cluster.labels }, annotations: { ...cluster.annotations } } };
    const params: Params = ctx.goTemplate ? base : flattenParams(base);
    // `values` may themselves be templates over the cluster's parameters.
    const values = renderTree(record(spec['values']), params, { goTemplate: ctx.goTemplate, missingKeyError: ctx.missingKeyError });
    out.push(ctx.goTemplate ? { ...params, values } : { ...params, ...flattenParams({ values }) });
  }
  return out;
}
