import type { KubeApi, KubeObject } from '../ports';
import type { HookStep } from './planSteps';
import { fieldManager } from './trackedObject';

// Starting one hook, as gitops-engine does: a hook is created, never applied over one
// already there. With BeforeHookCreation (the default) the old one is deleted first and
// waited out; without it a named hook that exists is left to stand as this run's result.

export type HookStart = { readonly started: 'created' | 'existing' } | { readonly error: string };

export interface HookStartOptions {
  readonly sleep: (ms: number) => Promise<void>;
  /** How long to wait for the previous hook to go; default 30 s. */
  readonly goneTimeoutMs?: number;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function startHook(kube: KubeApi, step: HookStep, options: HookStartOptions): Promise<HookStart> {
  if (step.live && !step.deletePolicies.includes('BeforeHookCreation')) return { started: 'existing' };
  try {
    if (step.live) {
      if (!kube.delete) return { error: 'this cluster connection cannot delete the previous hook' };
      await kube.delete(step.ref, { dryRun: false });
      if (!(await gone(kube, step, options))) return { error: `the previous ${step.ref.kind} ${step.ref.name} is still being deleted` };
    }
    const created: KubeObject = await kube.apply(step.object, { fieldManager, force: false, dryRun: false });
    return created ? { started: 'created' } : { error: 'the server returned nothing' };
  } catch (e) {
    return { error: messageOf(e) };
  }
}

async function gone(kube: KubeApi, step: HookStep, options: HookStartOptions): Promise<boolean> {
  const limit = options.goneTimeoutMs ?? 30_000;
  for (let waited = 0; waited <= limit; waited += 100) {
    if ((await kube.get(step.ref)) === undefined) return true;
    await options.sleep(100);
  }
  return false;
}
