import { render } from '../core/kustomize/render';
import { nameOf, kindOf } from '../core/kustomize/resource';
import { parseFieldPath, resolveFieldPath } from '../core/fieldPath';
import { relative } from '../core/paths';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { ExitCode, fail, failWith, type Io } from './io';

export async function runTrace(io: Io, dir: string, resource: string, path: string): Promise<number> {
  const [kind, name] = resource.split('/', 2);
  if (!kind || !name) return fail(io, `resource must be Kind/name, not '${resource}'`);
  const steps = parseFieldPath(path);
  if (!steps) return fail(io, `cannot parse field path '${path}' (use a.b[name=x].c or a.b[0])`);
  const result = await render(new DiskFileSystem(), toCorePath(dir));
  if (!result.ok) return failWith(io, result.error, toCorePath('.'));
  const target = result.value.resources.find((r) => kindOf(r) === kind && nameOf(r) === name);
  if (!target) return fail(io, `no ${kind}/${name} in the rendered output`);
  const concrete = resolveFieldPath(target.object, steps);
  if (!concrete) return fail(io, `${kind}/${name} has no field ${path}`);
  const cwd = toCorePath('.');
  for (const write of result.value.provenance.at(target.object, concrete)) {
    io.stdout(`${relative(cwd, write.file)}:${write.line}:${write.column}\t${write.operation}\n`);
  }
  return ExitCode.Ok;
}
