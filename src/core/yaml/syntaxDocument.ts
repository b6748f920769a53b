import type { Node, YAMLError } from 'yaml';

/**
 * One composed YAML document, as our readers use it: the `yaml` package's Document
 * satisfies it, and so does the block-subset composer's lighter result.
 */
export interface SyntaxDocument {
  readonly contents: Node | null;
  readonly errors: readonly YAMLError[];
}
