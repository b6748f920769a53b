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

export interface DeleteOptions {
  dryRun: boolean;
}

/** Watch event types the port delivers; the API's ERROR events arrive as `onClose(error)`. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

/**
 * Why a request or a watch failed. `code` is the HTTP status (or the `code` of a watch
 * ERROR event's Status): 401, 403, 404, 410, 429, 5xx; absent when the server was not
 * reached at all (refused, reset, timed out). The adapter's rejections carry the same fields.
 */
export interface KubeApiFailure {
  readonly code?: number;
  readonly message: string;
  /** The server's Retry-After (429/503), in seconds. */
  readonly retryAfterSeconds?: number;
}

export interface ListResult {
  readonly items: KubeObject[];
  /** Where a watch continues from without missing or repeating an event (for a chunked list, the first page's). */
  readonly resourceVersion: string;
  /** Set when more items remain: pass it back as `ListOptions.continue` for the next page. */
  readonly continue?: string;
}

/** A chunked list (as client-go's pager): at most `limit` items per call, resuming at `continue`. */
export interface ListOptions {
  readonly limit?: number;
  /** The token of the previous page; a 410 means it expired and the list must start over. */
  readonly continue?: string;
}

export interface WatchOptions {
  /** Events after this version; empty starts with the current state as ADDED. */
  readonly resourceVersion?: string;
  readonly allowBookmarks?: boolean;
  /** The server ends the stream (cleanly) after this long. */
  readonly timeoutSeconds?: number;
}

export interface WatchHandlers {
  /** The server accepted the stream (HTTP 200): the watch is live even before any event. */
  onOpen?(): void;
  /** Objects carry apiVersion and kind; a BOOKMARK's object holds only metadata.resourceVersion. */
  onEvent(type: WatchEventType, object: KubeObject): void;
  /** Called once when the stream ends: without an error when the server closed it normally. Never after dispose. */
  onClose(error?: KubeApiFailure): void;
}

/** The cluster, as the core needs it. Implemented on @kubernetes/client-node. */
export interface KubeApi {
  /** The live object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Server-side apply; returns the object the server stored (or would store, on dry run). */
  apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject>;
  /** Deletes one object (background propagation); false when it was already gone. Optional: without it, sync cannot prune. */
  delete?(ref: ObjectRef, options: DeleteOptions): Promise<boolean>;
  /** Every object of one kind in one namespace (all namespaces when undefined); rejects with a KubeApiFailure-shaped Error. */
  list(apiVersion: string, kind: string, namespace: string | undefined, options?: ListOptions): Promise<ListResult>;
  /** One watch stream; the caller drives retries, relists and timeouts. Disposing ends it silently. */
  watch(apiVersion: string, kind: string, namespace: string | undefined, options: WatchOptions, handlers: WatchHandlers): Disposable;
  /** A JSON merge patch; with `resourceVersion` the server refuses (409) if the object changed since. Optional: Argo CD mode needs it. */
  patch?(ref: ObjectRef, body: Record<string, unknown>, options: PatchOptions): Promise<KubeObject>;
}

export interface PatchOptions {
  readonly type: 'merge';
  /** Precondition: the resourceVersion the caller read. */
  readonly resourceVersion?: string;
  readonly fieldManager?: string;
}

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** External programs (helm, kustomize, kubectl). Rejects only when the program cannot be started at all. */
export interface ProcessRunner {
  run(command: string, args: readonly string[], options?: { readonly input?: string; readonly cwd?: string }): Promise<ProcessResult>;
}

/** Timers, so that tests drive backoff and stall detection without waiting. */
export interface Scheduler {
  /** Runs `callback` once after `ms`; disposing cancels it. */
  schedule(callback: () => void, ms: number): Disposable;
}
