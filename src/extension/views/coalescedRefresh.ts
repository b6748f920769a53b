import type * as vscode from 'vscode';

/**
 * A tree refresh at most every `ms`: the first change refreshes at once, the ones that follow
 * within the window become one refresh at its end. Drift changes arrive at typing speed, and
 * each whole-tree refresh makes VS Code ask for every visible item again; a tree of hundreds of
 * apps does not need to be redrawn per keystroke.
 */
export function coalescedRefresh(refresh: () => void, ms = 150): { readonly request: () => void } & vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const open = (): void => {
    timer = setTimeout(() => {
      timer = undefined;
      if (!pending) return;
      pending = false;
      refresh();
      open();
    }, ms);
  };
  return {
    request: () => {
      if (timer !== undefined) {
        pending = true;
        return;
      }
      refresh();
      open();
    },
    dispose: () => {
      clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}
