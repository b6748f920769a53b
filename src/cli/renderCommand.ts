import { render, toYaml } from '../core/kustomize/render';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { ExitCode, failWith, type Io } from './io';

export async function runRender(io: Io, dir: string): Promise<number> {
  const result = await render(new DiskFileSystem(), toCorePath(dir));
  if (!result.ok) return failWith(io, result.error, toCorePath('.'));
  io.stdout(toYaml(result.value));
  return ExitCode.Ok;
}
