// Shared by the sync and rollback integration tests: a real Git repository in a temp
// folder holding two apps, and the CLI run in-process with a captured terminal.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Questions the CLI asked (answered with `answer`). */
  questions: string[];
}

export async function driftline(args: readonly string[], answer = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const io: Io = {
    color: false,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    confirm: async (q) => {
      questions.push(q);
      return answer;
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr, questions };
}

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function write(repo: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
}

export function commit(repo: string, message: string, files: Record<string, string> = {}): string {
  write(repo, files);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
}

export function initRepo(repo: string): void {
  mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Ada Rollback');
  git(repo, 'config', 'user.email', 'ada@example.com');
  git(repo, 'config', 'commit.gpgsign', 'false');
}

export function deployment(name: string, namespace: string, image: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
${extra}spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: ${image}
`;
}

export function configMap(name: string, namespace: string, data: Record<string, string>, extra = ''): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${namespace}
${extra}data:
${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}
`;
}

export const kustomization = (...resources: string[]): string => `resources:\n${resources.map((r) => `- ${r}`).join('\n')}\n`;
export const wave = (n: number): string => `  annotations:\n    argocd.argoproj.io/sync-wave: "${n}"\n`;
