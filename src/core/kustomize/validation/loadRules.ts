import { isWithin, relative } from '../../paths';
import { RenderError, diagnostic } from '../../result';
import type { SourceLocation } from '../../provenance';
import type { Kustomization } from '../kustomization';

/**
 * kustomize's default load restrictor (LoadRestrictionsRootOnly): a file a
 * kustomization reads must be in or below its directory. Directories (other
 * kustomizations) may be anywhere.
 */
export function checkFileWithinRoot(k: Kustomization, file: string, entry: string, at: SourceLocation): void {
  if (!isWithin(k.dir, file)) {
    throw new RenderError(diagnostic(k.file, `'${entry}' is outside this kustomization's directory: kustomize only reads files in or below it; list a directory with its own kustomization instead`, at));
  }
}

/**
 * kustomize's cycle check (api/internal/loader/fileloader.go errIfArgEqualOrHigher): a
 * directory that contains any kustomization being built — itself, or an ancestor — is
 * a cycle. Returns the visited directory it contains.
 */
export function cycleWith(stack: readonly string[], dir: string): string | undefined {
  return stack.find((visited) => isWithin(dir, visited));
}

/** The located cycle error for `entry` of `k`, naming the visited kustomization relative to `k`. */
export function cycleError(k: Kustomization, entry: string, visited: string, at: SourceLocation): RenderError {
  const where = relative(k.dir, visited);
  return new RenderError(diagnostic(k.file, `cycle: '${entry}' contains ${where === '.' ? 'this kustomization' : `'${where}'`}, which is already being built`, at));
}
