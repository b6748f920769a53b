import type { FileSystem } from '../../ports';
import type { SourceLocation } from '../../provenance';
import type { Diagnostic } from '../../result';
import type { ClusterEntry } from '../model';

/** One parameter set: flat strings for fasttemplate, nested data for Go templates. */
export type Params = Record<string, unknown>;

export interface GeneratorContext {
  readonly fs: FileSystem;
  readonly root: string;
  readonly repoUrls: readonly string[];
  /** Directories of the repo relative to the root ('' excluded), and its files. */
  readonly repoDirs: readonly string[];
  readonly repoFiles: readonly string[];
  readonly clusters: readonly ClusterEntry[];
  readonly goTemplate: boolean;
  readonly missingKeyError: boolean;
  /** The ApplicationSet, for diagnostics. */
  readonly at: SourceLocation;
  readonly diagnostics: Diagnostic[];
}
