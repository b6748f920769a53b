// Field numbers from k8s.io/api and k8s.io/apimachinery generated.proto, for the messages
// `kubectl create <kind>` sends. Go's non-pointer fields travel even when zero; such zero
// fields may be left out of this table. A non-zero field missing here fails loudly (415).

export type ScalarType = 'string' | 'bytes' | 'int' | 'bool' | 'time';

export interface FieldSpec {
  name: string;
  /** A scalar, or the name of a message in this table. */
  type: ScalarType | string;
  repeated?: boolean;
  /** map<string, type>: repeated entries {1: key, 2: value}. */
  map?: boolean;
  /** A Go pointer field: present means set, so a zero value is kept rather than omitted. */
  pointer?: boolean;
}

type Schema = Record<number, FieldSpec>;

const s = (name: string): FieldSpec => ({ name, type: 'string' });
const ptr = (spec: FieldSpec): FieldSpec => ({ ...spec, pointer: true });
const i = (name: string): FieldSpec => ({ name, type: 'int' });
const b = (name: string): FieldSpec => ({ name, type: 'bool' });
const m = (name: string, type: string): FieldSpec => ({ name, type });
const list = (name: string, type: string): FieldSpec => ({ name, type, repeated: true });
const stringMap = (name: string): FieldSpec => ({ name, type: 'string', map: true });

export const messageSchemas: Record<string, Schema> = {
  ObjectMeta: {
    1: s('name'), 2: s('generateName'), 3: s('namespace'), 4: s('selfLink'), 5: s('uid'), 6: s('resourceVersion'),
    7: i('generation'), 8: m('creationTimestamp', 'time'), 9: m('deletionTimestamp', 'time'), 10: ptr(i('deletionGracePeriodSeconds')),
    11: stringMap('labels'), 12: stringMap('annotations'), 13: list('ownerReferences', 'OwnerReference'), 14: list('finalizers', 'string'),
  },
  OwnerReference: { 1: s('kind'), 3: s('name'), 4: s('uid'), 5: s('apiVersion'), 6: b('controller'), 7: b('blockOwnerDeletion') },
  ObjectReference: { 1: s('kind'), 2: s('namespace'), 3: s('name'), 4: s('uid'), 5: s('apiVersion'), 6: s('resourceVersion'), 7: s('fieldPath') },
  LocalObjectReference: { 1: s('name') },
  Namespace: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'NamespaceSpec'), 3: m('status', 'NamespaceStatus') },
  NamespaceSpec: { 1: list('finalizers', 'string') },
  NamespaceStatus: { 1: s('phase') },
  ConfigMap: { 1: m('metadata', 'ObjectMeta'), 2: stringMap('data'), 3: { name: 'binaryData', type: 'bytes', map: true }, 4: ptr(b('immutable')) },
  Secret: { 1: m('metadata', 'ObjectMeta'), 2: { name: 'data', type: 'bytes', map: true }, 3: s('type'), 4: stringMap('stringData'), 5: ptr(b('immutable')) },
  ServiceAccount: {
    1: m('metadata', 'ObjectMeta'), 2: list('secrets', 'ObjectReference'), 3: list('imagePullSecrets', 'LocalObjectReference'), 4: ptr(b('automountServiceAccountToken')),
  },
  Deployment: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'DeploymentSpec'), 3: m('status', 'Empty') },
  DeploymentSpec: {
    1: ptr(i('replicas')), 2: m('selector', 'LabelSelector'), 3: m('template', 'PodTemplateSpec'), 4: m('strategy', 'DeploymentStrategy'),
    5: i('minReadySeconds'), 6: ptr(i('revisionHistoryLimit')), 7: b('paused'), 9: ptr(i('progressDeadlineSeconds')),
  },
  DeploymentStrategy: { 1: s('type') },
  LabelSelector: { 1: stringMap('matchLabels') },
  PodTemplateSpec: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'PodSpec') },
  PodSpec: {
    2: list('containers', 'Container'), 3: s('restartPolicy'), 4: ptr(i('terminationGracePeriodSeconds')), 6: s('dnsPolicy'),
    8: s('serviceAccountName'), 14: m('securityContext', 'Empty'), 19: s('schedulerName'),
  },
  Container: {
    1: s('name'), 2: s('image'), 3: list('command', 'string'), 4: list('args', 'string'), 6: list('ports', 'ContainerPort'),
    8: m('resources', 'Empty'), 13: s('terminationMessagePath'), 14: s('imagePullPolicy'), 20: s('terminationMessagePolicy'),
  },
  ContainerPort: { 1: s('name'), 2: i('hostPort'), 3: i('containerPort'), 4: s('protocol'), 5: s('hostIP') },
  /** A struct the request leaves at its zero value. */
  Empty: {},
};
