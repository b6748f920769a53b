// meta.k8s.io Table responses for `kubectl get`: the server decides the columns.
// Column sets follow pkg/printers/internalversion (built-ins); custom resources get their
// CRD's additionalPrinterColumns, as apiextensions' tableconvertor builds them.
import { isObject, objectAt, type JsonObject, type JsonValue, type KubeObject } from './objects';
import { evaluateJsonPath } from './jsonPath';
import type { PrinterColumn, ResourceType } from './resourceTable';

interface Column {
  name: string;
  type: string;
  description: string;
  priority?: number;
  format?: string;
  cell: (object: KubeObject, now: Date) => JsonValue;
}

/** apimachinery's duration.HumanDuration, the AGE column. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

function field(object: KubeObject, ...path: string[]): JsonValue | undefined {
  const parent = objectAt(object, ...path.slice(0, -1));
  return parent?.[path[path.length - 1] ?? ''];
}

function num(value: JsonValue | undefined): number {
  return typeof value === 'number' ? value : 0;
}

const nameColumn: Column = {
  name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.',
  cell: (o) => o.metadata.name ?? '',
};
const ageColumn: Column = {
  name: 'Age', type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (o, now) => (o.metadata.creationTimestamp ? humanDuration(now.getTime() - Date.parse(o.metadata.creationTimestamp)) : '<unknown>'),
};
const stringColumn = (name: string, description: string, cell: Column['cell'], priority = 0): Column => ({ name, type: 'string', description, cell, priority });

const columnsByKind: Record<string, Column[]> = {
  Namespace: [nameColumn, stringColumn('Status', 'The status of the namespace', (o) => String(field(o, 'status', 'phase') ?? '')), ageColumn],
  Deployment: [
    nameColumn,
    stringColumn('Ready', 'Number of the pod with ready state', (o) => `${num(field(o, 'status', 'readyReplicas'))}/${num(field(o, 'spec', 'replicas'))}`),
    { name: 'Up-to-date', type: 'integer', description: 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', cell: (o) => num(field(o, 'status', 'updatedReplicas')) },
    { name: 'Available', type: 'integer', description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', cell: (o) => num(field(o, 'status', 'availableReplicas')) },
    ageColumn,
  ],
  Service: [
    nameColumn,
    stringColumn('Type', 'The type of the service', (o) => String(field(o, 'spec', 'type') ?? '')),
    stringColumn('Cluster-IP', 'The cluster IP', (o) => String(field(o, 'spec', 'clusterIP') ?? '<none>')),
    stringColumn('External-IP', 'The external IP', () => '<none>'),
    stringColumn('Port(s)', 'The ports of the service', (o) => {
      const ports = field(o, 'spec', 'ports');
      if (!Array.isArray(ports) || ports.length === 0) return '<none>';
      return ports.filter(isObject).map((p) => `${String(p['port'])}/${String(p['protocol'] ?? 'TCP')}`).join(',');
    }),
    ageColumn,
  ],
  // apiextensions' default table: the creation time itself, not an age.
  CustomResourceDefinition: [nameColumn, { name: 'Created At', type: 'date', description: ageColumn.description, cell: (o) => o.metadata.creationTimestamp ?? null }],
  ConfigMap: [nameColumn, { name: 'Data', type: 'integer', description: 'Number of data entries', cell: (o) => Object.keys(objectAt(o, 'data') ?? {}).length + Object.keys(objectAt(o, 'binaryData') ?? {}).length }, ageColumn],
  Secret: [nameColumn, stringColumn('Type', 'The type of the secret', (o) => String(o['type'] ?? '')), { name: 'Data', type: 'integer', description: 'Number of data entries', cell: (o) => Object.keys(objectAt(o, 'data') ?? {}).length }, ageColumn],
  Pod: [
    nameColumn,
    stringColumn('Ready', 'The aggregate readiness state of this pod for accepting traffic.', (o) => {
      const containers = field(o, 'spec', 'containers');
      const count = Array.isArray(containers) ? containers.length : 0;
      return `${field(o, 'status', 'phase') === 'Running' ? count : 0}/${count}`;
    }),
    stringColumn('Status', 'The aggregate status of the containers in this pod.', (o) => String(field(o, 'status', 'phase') ?? 'Pending')),
    { name: 'Restarts', type: 'string', description: 'The number of times the containers in this pod have been restarted.', cell: () => '0' },
    ageColumn,
  ],
};

/** tableconvertor cellForJSONValue: typed cells, null where the path finds nothing. */
function customCell(column: PrinterColumn, object: KubeObject, now: Date): JsonValue {
  const results = evaluateJsonPath(object, column.jsonPath);
  const [first] = results;
  if (first === undefined || first === null) return null;
  switch (column.type) {
    case 'string':
      return results.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join(' ');
    case 'integer':
      return typeof first === 'number' ? Math.trunc(first) : null;
    case 'number':
      return typeof first === 'number' ? first : null;
    case 'boolean':
      return typeof first === 'boolean' ? first : null;
    case 'date':
      if (typeof first !== 'string') return null;
      return Number.isNaN(Date.parse(first)) ? '<invalid>' : humanDuration(now.getTime() - Date.parse(first));
    default:
      return null;
  }
}

function columnsFor(type: ResourceType): Column[] {
  if (type.printerColumns) {
    return [nameColumn, ...type.printerColumns.map((c): Column => ({
      name: c.name, type: c.type, format: c.format ?? '', priority: c.priority ?? 0,
      description: c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      cell: (o, now) => customCell(c, o, now),
    }))];
  }
  return columnsByKind[type.kind] ?? [nameColumn, ageColumn];
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(object: KubeObject, include: IncludeObject): JsonObject | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export interface TableOptions {
  apiVersion: string;
  includeObject: IncludeObject;
  resourceVersion?: string;
  /** Watch events after the first carry no column definitions. */
  omitHeaders?: boolean;
  now: Date;
}

export function toTable(type: ResourceType, objects: readonly KubeObject[], options: TableOptions): JsonObject {
  const columns = columnsFor(type);
  const metadata: JsonObject = {};
  if (options.resourceVersion !== undefined) metadata['resourceVersion'] = options.resourceVersion;
  return {
    kind: 'Table',
    apiVersion: options.apiVersion,
    metadata,
    columnDefinitions: options.omitHeaders ? null : columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority ?? 0 })),
    rows: objects.map((object) => {
      const row: JsonObject = { cells: columns.map((c) => c.cell(object, options.now)) };
      const included = rowObject(object, options.includeObject);
      if (included) row['object'] = included;
      return row;
    }),
  };
}

/** The Table version the Accept header asks for, if any (`as=Table;v=v1;g=meta.k8s.io`). */
export function requestedTableVersion(accept: string): string | undefined {
  for (const part of accept.split(',')) {
    const params = new Map(part.split(';').slice(1).map((p) => p.trim().split('=') as [string, string]));
    if (params.get('as') === 'Table' && params.get('g') === 'meta.k8s.io') {
      const version = params.get('v') ?? 'v1';
      if (version === 'v1' || version === 'v1beta1') return `meta.k8s.io/${version}`;
    }
  }
  return undefined;
}
