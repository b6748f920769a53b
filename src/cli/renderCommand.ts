import { render, toYaml } from '../core/kustomize/render';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { ExitCode, failWith, printDiagnostics, type Io } from './io';

export async function runRender(io: Io, dir: string): Promise<number> {
  const result = await render(new DiskFileSystem(), toCorePath(dir));
  if (!result.ok) return failWith(io, result.error, toCorePath('.'));
  // kubectl warns on stderr too (a deprecated field); the YAML on stdout stays clean.
  printDiagnostics(io, result.value.warnings, toCorePath('.'));
  io.stdout(toYaml(result.value));
  return ExitCode.Ok;
}
