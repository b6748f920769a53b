// `npm run demo`: build, start the Kubernetes API emulator (a test double, not a
// real cluster) with examples/ applied and one live drift, and open VS Code on
// examples/ with Driftline loaded. Runs until Ctrl+C.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApiServer, type ApiServer } from '../test/apiserver/server';
import { runKubectl } from '../test/support/kubectlTool';
import { startCodeServer, type CodeServer } from '../test/e2e/support/codeServer';

const repoRoot = resolve(__dirname, '..');
const demoDir = join(repoRoot, '.demo');
const examples = join(repoRoot, 'examples');
const overlays = ['apps/guestbook/overlays/staging', 'apps/guestbook/overlays/production'];

function step(message: string): void {
  process.stdout.write(`demo: ${message}\n`);
}

async function kubectl(kubeconfig: string, args: string[], input?: string): Promise<void> {
  const result = await runKubectl(args, { kubeconfig, ...(input === undefined ? {} : { input }) });
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed:\n${result.stderr}`);
}

async function seedCluster(kubeconfig: string): Promise<void> {
  for (const ns of ['guestbook-staging', 'guestbook-prod']) {
    await kubectl(kubeconfig, ['apply', '--server-side', '-f', '-'], `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`);
  }
  for (const overlay of overlays) await kubectl(kubeconfig, ['apply', '--server-side', '-k', join(examples, overlay)]);
  // The one live drift: an on-call hotfix made by hand.
  await kubectl(kubeconfig, ['-n', 'guestbook-prod', 'set', 'image', 'deployment/guestbook', 'guestbook=ghcr.io/driftline/guestbook:hotfix-1']);
}

function hasDesktopCode(): boolean {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function openEditor(kubeconfig: string): Promise<CodeServer | undefined> {
  const settings = { 'driftline.kubeconfig': kubeconfig };
  if (hasDesktopCode()) {
    const userData = join(demoDir, 'vscode-user');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    spawn('code', ['--user-data-dir', userData, '--extensionDevelopmentPath', repoRoot, examples], { stdio: 'inherit', detached: true }).unref();
    step('opened desktop VS Code on examples/');
    return undefined;
  }
  step('no desktop `code`: installing code-server 4.100.3 (first run takes about a minute)');
  execFileSync('bash', [join(repoRoot, 'scripts/installCodeServer.sh')], { stdio: 'inherit' });
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const server = await startCodeServer({ folder: examples, settings, extensions: [join(repoRoot, `driftline-${version}.vsix`)], name: 'demo' });
  step(`VS Code (code-server) is ready: ${server.workbenchUrl()}`);
  return server;
}

async function main(): Promise<void> {
  mkdirSync(demoDir, { recursive: true });
  step('building and packaging the extension');
  execFileSync('npm', ['run', '-s', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const kubeconfig = join(demoDir, 'kubeconfig');
  const cluster: ApiServer = await startApiServer({ kubeconfigPath: kubeconfig, rolloutDelayMs: 1000 });
  step(`Kubernetes API emulator (test double) at ${cluster.url}; kubeconfig ${kubeconfig}, context driftline-demo`);
  await seedCluster(kubeconfig);
  step('applied examples/ overlays and made one live change (kubectl set image … hotfix-1)');
  const editor = await openEditor(kubeconfig);
  step('open apps/guestbook/overlays/production/kustomization.yaml to see the hint; Ctrl+C stops the demo');
  step(`try the CLI too: node dist/cli.js diff examples/${overlays[1]} --kubeconfig ${kubeconfig}`);
  const stop = async (): Promise<void> => {
    step('stopping');
    await editor?.stop();
    await cluster.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((e: unknown) => {
  process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
