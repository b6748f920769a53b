/** The string that names a resource in panel messages; the host maps it back through its resource list. */
export function resourceKey(ref: { readonly apiVersion: string; readonly kind: string; readonly namespace?: string | undefined; readonly name: string }): string {
  return [ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name].join('|');
}
