import { Provenance, type FieldWrite, type PathSegment } from '../../provenance';

/**
 * A Provenance recorded on first use by `fill` (the main thread rebuilding a worker render's, the
 * editor remapping a virtual overlay's): most renders are in sync, their diff never asks
 * where a field came from, so most never pay for building it.
 */
export class LazyProvenance extends Provenance {
  constructor(private fill: ((into: Provenance) => void) | undefined) {
    super();
  }

  private ready(): void {
    const fill = this.fill;
    this.fill = undefined;
    fill?.(this);
  }

  override record(parent: object, key: PathSegment, write: FieldWrite): void {
    this.ready();
    super.record(parent, key, write);
  }

  override of(parent: object, key: PathSegment): readonly FieldWrite[] {
    this.ready();
    return super.of(parent, key);
  }

  override cloneTracked<T>(value: T): T {
    this.ready();
    return super.cloneTracked(value);
  }

  override importTracked<T>(source: Provenance, value: T): T {
    this.ready();
    return super.importTracked(source, value);
  }
}
