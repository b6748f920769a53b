/** An AbortSignal, or anything shaped like one: checked between steps, never mid-request. */
export interface CancelToken {
  readonly aborted: boolean;
}
