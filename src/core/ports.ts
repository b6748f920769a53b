// The only doors from the pure core to the world. Adapters live in src/node
// (disk, git, Kubernetes) and src/extension (unsaved editor buffers).

export interface Disposable {
  dispose(): void;
}

export type EntryKind = 'file' | 'directory';

/** Absolute, '/'-separated paths. "Disk", "disk + unsaved buffers" and "git tree at a commit" implement it. */
export interface FileSystem {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): Promise<string | undefined>;
  /** The file's raw bytes, or undefined when there is no such file. Optional: generators fall back to the UTF-8 of `readFile`, which loses binary content. */
  readBytes?(path: string): Promise<Uint8Array | undefined>;
  /** What is at `path`, or undefined when nothing is. */
  stat(path: string): Promise<EntryKind | undefined>;
  /** Entry names (not paths) in a directory, sorted; empty when it does not exist. */
  readDirectory(path: string): Promise<string[]>;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface Clock {
  now(): Date;
}

/** A Kubernetes object as JSON; only the identifying fields are typed. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    managedFields?: ManagedFieldsEntry[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update' | string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ApplyOptions {
  fieldManager: string;
  force: boolean;
  dryRun: boolean;
}

export type WatchEvent = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject };

export interface WatchHandlers {
  onEvent(event: WatchEvent): void;
  /** The connection broke and will not come back by itself; `error` says why. */
  onError(error: Error): void;
}

/** The cluster, as the core needs it. Implemented on @kubernetes/client-node. */
export interface KubeApi {
  /** The live object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Server-side apply; returns the object the server stored (or would store, on dry run). */
  apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject>;
  /** Lists then watches every object of one kind in one namespace (all namespaces when undefined). */
  watch(apiVersion: string, kind: string, namespace: string | undefined, handlers: WatchHandlers): Promise<Disposable>;
}
