/** A strategic merge that kustomize would reject; the caller turns it into a located diagnostic. */
export class MergeError extends Error {
  constructor(
    readonly reason: string,
    readonly path: readonly string[],
  ) {
    super(path.length > 0 ? `${reason} at ${path.join('.')}` : reason);
  }
}
