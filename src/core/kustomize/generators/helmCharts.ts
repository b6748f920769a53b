import { RenderError, diagnostic } from '../../result';
import { listField, type Kustomization } from '../kustomization';

// kubectl kustomize also refuses helmCharts (and the deprecated helmChartInflationGenerator,
// which it converts to helmCharts) unless run with --enable-helm ("must specify
// --enable-helm"); rendering charts needs the helm binary, so the core leaves it to the
// external renderer.

const chartFields: ReadonlyArray<readonly [field: string, subject: string]> = [
  ['helmCharts', 'helmCharts are'],
  ['helmChartInflationGenerator', 'helmChartInflationGenerator entries are'],
];

export function rejectHelmCharts(k: Kustomization): void {
  for (const [field, what] of chartFields) {
    const charts = listField(k, field);
    if (charts.length === 0) continue;
    throw new RenderError(diagnostic(k.file, `${what} not rendered in-process; enable the external renderer`, k.at(charts, 0)));
  }
}
