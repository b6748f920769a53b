// kustomize's image references (api/internal/image/image.go and
// api/filters/imagetag/updater.go, v5.7.1): matching an `images` entry and rewriting a value.

export interface ImageChange {
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
  readonly tagSuffix?: string;
}

/** IsImageMatched: kustomize does not escape the name, so it is a regular expression. */
export function imageMatcher(name: string): RegExp {
  return new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
}

/** Splits an image reference into name, tag and digest; a registry's `host:port/` is part of the name. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) return { name: image.slice(0, offset + at), tag: '', digest: image.slice(offset + at + 1) };
  if (at >= 0) return { name: image.slice(0, offset + colon), tag: image.slice(offset + colon + 1, offset + at), digest: image.slice(offset + at + 1) };
  return { name: image.slice(0, offset + colon), tag: image.slice(offset + colon + 1), digest: '' };
}

/** SetImageValue: a new tag or digest replaces both; a tag suffix applies only without them and drops the digest. */
export function updateImage(image: string, change: ImageChange): string {
  let { name, tag, digest } = splitImage(image);
  if (change.newName) name = change.newName;
  if (change.newTag && change.digest) {
    tag = change.newTag;
    digest = change.digest;
  } else if (change.newTag) {
    tag = change.newTag;
    digest = '';
  } else if (change.digest) {
    tag = '';
    digest = change.digest;
  } else if (change.tagSuffix) {
    tag += change.tagSuffix;
    digest = '';
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
