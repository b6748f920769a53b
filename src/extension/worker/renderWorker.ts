// The render thread (dist/renderWorker.js): discovery and rendering of the workspace's
// kustomizations, off the extension host's main thread. Renders are answered one at a time;
// urgent ones (a keystroke's render) jump the queue of a full-repo scan. Discovery (a walk and
// parse of the whole repo, hundreds of milliseconds in a large one) runs in a lane of its own,
// pausing every few milliseconds (yieldingFileSystem.ts): a keystroke's render never waits for it to end.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { kustomizationFileNames } from '../../core/kustomize/kustomization';
import { createRenderer } from '../../core/kustomize/renderer';
import type { RenderResult } from '../../core/kustomize/render';
import type { Result } from '../../core/result';
import { discoverRepo } from '../../core/repo/discover';
import { findFiles } from '../../core/repo/findFiles';
import { rootKustomizations } from '../../core/repo/rootKustomizations';
import { NodeProcessRunner } from '../../node/processRunner';
import { trackingIdFor } from '../../core/repo/trackingIdentity';
import { BufferedDiskFileSystem } from './bufferedDiskFileSystem';
import { yieldingFileSystem } from './yieldingFileSystem';
import type { DiscoveryOptions, FromWorker, RenderedDir, ToWorker } from './renderProtocol';
import { toWire } from './wireRender';

type Job = Extract<ToWorker, { kind: 'roots' | 'render' | 'discover' }>;

const port = parentPort;
if (!port) throw new Error('renderWorker.js runs as a worker thread');

const fs = new BufferedDiskFileSystem();
const renderer = createRenderer(fs);
/** Discovery's view of the same files: it pauses for the renders that arrive meanwhile. */
const discoveryFs = yieldingFileSystem(fs);
/** The result last sent per dir: a kept (unchanged) render is not sent again. */
const sent = new Map<string, Result<RenderResult>>();
/** A digest of what was last sent per dir: a fresh render with the same content (a refresh) is not sent again either. */
const sentDigests = new Map<string, string>();
const trackingIds = new Map<string, string>();
const urgent: Job[] = [];
const queued: Job[] = [];
let draining = false;
const discoveries: Job[] = [];
let discovering = false;

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'buffer':
      fs.setBuffer(message.path, message.text);
      renderer.invalidate([message.path]);
      return;
    case 'invalidate':
      renderer.invalidate(message.paths);
      return;
    case 'clear':
      renderer.clear();
      sent.clear();
      return;
    case 'discover':
      discoveries.push(message);
      drainDiscoveries();
      return;
    default:
      (message.kind === 'render' && message.urgent ? urgent : queued).push(message);
      drain();
  }
});

/** One discovery at a time (each answers with a whole model), beside the render queue. */
function drainDiscoveries(): void {
  if (discovering) return;
  const job = discoveries.shift();
  if (!job) return;
  discovering = true;
  void answer(job)
    .then((reply) => port?.postMessage(reply))
    .finally(() => {
      discovering = false;
      drainDiscoveries();
    });
}

function drain(): void {
  if (draining) return;
  draining = true;
  // A macrotask per job: buffer updates and urgent renders that arrived meanwhile come first.
  setImmediate(() => {
    draining = false;
    const job = urgent.shift() ?? queued.shift();
    if (!job) return;
    void answer(job).then((reply) => port?.postMessage(reply)).finally(drain);
  });
}

async function answer(job: Job): Promise<FromWorker> {
  try {
    if (job.kind === 'roots') return { kind: 'roots', id: job.id, roots: await roots(job.folders) };
    if (job.kind === 'discover') return { kind: 'discover', id: job.id, model: await discover(job.root, job.options) };
    return { kind: 'render', id: job.id, rendered: await render(job.dir, job.known) };
  } catch (e) {
    return { kind: 'failed', id: job.id, message: e instanceof Error ? e.message : String(e) };
  }
}

async function render(dir: string, known: boolean): Promise<RenderedDir | undefined> {
  const result = await renderer.render(dir);
  if (known && sent.get(dir) === result) return undefined;
  sent.set(dir, result);
  let trackingId = trackingIds.get(dir);
  if (trackingId === undefined) trackingIds.set(dir, (trackingId = await trackingIdFor(fs, dir)));
  const rendered: RenderedDir = {
    result: result.ok ? { ok: true, value: toWire(result.value) } : { ok: false, error: result.error },
    inputs: [...(renderer.inputsOf(dir) ?? [])],
    trackingId,
  };
  // Sending costs the main thread a copy of every object; comparing costs this thread a digest.
  const digest = createHash('sha1').update(JSON.stringify(rendered)).digest('base64');
  const same = known && sentDigests.get(dir) === digest;
  sentDigests.set(dir, digest);
  return same ? undefined : rendered;
}

/** Walked here rather than asked of VS Code: its file search spawns a process on the main thread. */
async function roots(folders: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) files.push(...(await findFiles(fs, folder, (_path, name) => (kustomizationFileNames as readonly string[]).includes(name))));
  return rootKustomizations(fs, files);
}

function discover(root: string, { helm, runBinaries, ...options }: DiscoveryOptions): ReturnType<typeof discoverRepo> {
  return discoverRepo(discoveryFs, root, { ...options, render: runBinaries ? { runner: new NodeProcessRunner(60_000), ...(helm ? { helm } : {}) } : {} });
}
