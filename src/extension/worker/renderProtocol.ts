// Messages between the drift controller (extension host main thread) and the render worker
// (renderWorker.ts). The worker renders from disk overlaid with the unsaved buffers the main
// thread sends it, so the full-repo scan's parsing and rendering never run on the thread that
// answers the editor.
import type { DiscoverOptions, RepoModel } from '../../core/repo/model';
import type { Diagnostic } from '../../core/result';
import type { WireRenderResult } from './wireRender';

export type ToWorker =
  /** An open editor's unsaved text for `path`; `text` undefined: read the disk again. */
  | { readonly kind: 'buffer'; readonly path: string; readonly text: string | undefined }
  /** Files that changed on disk: forget the renders that read them. */
  | { readonly kind: 'invalidate'; readonly paths: readonly string[] }
  /** Forget every kept render (the parses stay: they are checked against the text anyway). */
  | { readonly kind: 'clear' }
  /** The deployable kustomizations under these folders (the worker walks them itself). */
  | { readonly kind: 'roots'; readonly id: number; readonly folders: readonly string[] }
  /** The repository model (Argo CD apps → overlays → destinations) of the folder `root`. */
  | { readonly kind: 'discover'; readonly id: number; readonly root: string; readonly options: DiscoveryOptions }
  /**
   * Render `dir`; `urgent` (the user is typing) goes before the queued scan. `known`: the main
   * thread still holds the last result sent for `dir`, so an unchanged one need not travel again.
   */
  | { readonly kind: 'render'; readonly id: number; readonly dir: string; readonly urgent: boolean; readonly known: boolean };

/** One root's render as the main thread keeps it. */
export interface RenderedDir {
  readonly result: { readonly ok: true; readonly value: WireRenderResult } | { readonly ok: false; readonly error: readonly Diagnostic[] };
  /** Every path the render read. */
  readonly inputs: readonly string[];
  readonly trackingId: string;
}

/** discoverRepo's options as they cross the thread boundary: `helm` set means app-of-apps parents may run it. */
export interface DiscoveryOptions extends DiscoverOptions {
  readonly helm?: string;
  readonly runBinaries: boolean;
}

export type FromWorker =
  | { readonly kind: 'roots'; readonly id: number; readonly roots: readonly string[] }
  | { readonly kind: 'discover'; readonly id: number; readonly model: RepoModel }
  /** `rendered` undefined: the same result as the last one sent for this dir (nothing it read changed), which the main thread holds. */
  | { readonly kind: 'render'; readonly id: number; readonly rendered: RenderedDir | undefined }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
