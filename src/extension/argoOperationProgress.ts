import * as vscode from 'vscode';
import { describeOutcome, followOperation, type OperationOutcome } from '../core/argo/followOperation';
import type { KubeApi, Logger, ObjectRef } from '../core/ports';
import { awaitedScheduler } from '../node/systemTime';

// Sync and rollback through Argo CD end the same way: the operation is written, then the
// controller is followed to the end under a progress notification, and the result is said.

export interface FollowedOperation {
  readonly kube: KubeApi;
  readonly ref: ObjectRef;
  /** status.operationState.startedAt before the write: an older finished operation is not ours. */
  readonly previousStartedAt?: string;
  /** The notification's title, e.g. "Argo CD is syncing guestbook on prod-eks". */
  readonly title: string;
  /** What the log lines start with, e.g. "Argo CD sync of guestbook". */
  readonly what: string;
  readonly logger: Logger;
}

/** Follows the operation; undefined (after saying why) when it could not be followed to the end. */
export async function followWithProgress(operation: FollowedOperation): Promise<{ outcome: OperationOutcome; text: string } | undefined> {
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: ${operation.title}`, cancellable: false },
    (progress) => {
      progress.report({ message: 'requested, waiting for the Argo CD controller…' });
      return followOperation(operation.kube, operation.ref, {
        scheduler: awaitedScheduler,
        ...(operation.previousStartedAt ? { previousStartedAt: operation.previousStartedAt } : {}),
        timeoutMs: 300_000,
        onProgress: (phase, message) => progress.report({ message: `${phase}${message ? `: ${message}` : ''}` }),
      });
    },
  );
  if (!outcome.ok) {
    operation.logger.warn(`${operation.what}: ${outcome.error}`);
    void vscode.window.showErrorMessage(`Driftline: ${outcome.error}.`);
    return undefined;
  }
  return { outcome: outcome.value, text: describeOutcome(outcome.value) };
}
