import type * as vscode from 'vscode';

/**
 * `fire` at once on each request, and once more when `ms` have passed without another: for
 * an event whose listener may drop what it scheduled in between (see DriftCodeLens).
 */
export function settledRepeat(fire: () => void, ms: number): { readonly request: () => void } & vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    request: () => {
      fire();
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fire();
      }, ms);
    },
    dispose: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
