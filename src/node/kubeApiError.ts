/** A Kubernetes API error carrying the server's Status message. */
export class KubeApiError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}
