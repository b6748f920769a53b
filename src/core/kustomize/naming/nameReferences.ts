import { isRecord } from '../../fieldPath';
import type { Provenance, SourceLocation } from '../../provenance';
import { RenderError, diagnostic } from '../../result';
import { formatResourceId, type Resource } from '../resource';
import type { RootPhaseInput } from '../rootPhase';
import { gvkSelects, type FieldSpec, type Gvk } from '../fieldSpecs/fieldSpec';
import { layerConfig } from '../fieldSpecs/layerConfig';
import { walkFieldSpec } from '../fieldSpecs/walkFieldSpec';
import { storePreHashId } from './nameHistory';
import { candidatesFor, selectReferral, toCandidate, type Candidate, type ReferralQuery } from './referralCandidates';
import { isQuotedField } from '../patches/scalarStyle';
import { resolvePlain } from '../replacements/applyValue';
import { markUntagged } from '../scalarTags';

// Root step after the hash suffixes (kustomize's FixBackReferences): every field the
// merged nameReference table lists, in every resource whose original kind it selects, is
// pointed at the current name of the resource it named. References are matched against
// *every* earlier name, so overlays of overlays resolve through all their prefixes; a
// reference that resolves to a namespaced object also takes its namespace when the field
// is a {name, namespace} map (RoleBinding subjects, webhook services).

interface Reference {
  readonly spec: FieldSpec;
  readonly target: Gvk;
}

export async function fixNameReferences({ ctx, kustomization: k, resources }: RootPhaseInput): Promise<void> {
  const config = await layerConfig(ctx, k);
  for (const r of resources) storePreHashId(r);
  const all = resources.map(toCandidate);
  const byReferrer = new Map<Candidate, Reference[]>();
  for (const backReference of config.nameReference) {
    for (const spec of backReference.fieldSpecs) {
      for (const c of all) {
        // Referrers are chosen by their original kind (determineFilters uses OrgId).
        if (!gvkSelects(spec, c.original)) continue;
        const list = byReferrer.get(c) ?? [];
        list.push({ spec, target: backReference });
        byReferrer.set(c, list);
      }
    }
  }
  for (const [referrer, references] of byReferrer) {
    const candidates = candidatesFor(referrer, all);
    for (const reference of references) {
      const fixer = new ReferenceFixer(ctx.provenance, referrer, reference, candidates);
      walkFieldSpec(referrer.resource.object, reference.spec, { ignoreGvk: true, onError: (m) => fixer.fail(m) }, (parent, key) => fixer.fix(parent, key));
    }
  }
}

class ReferenceFixer {
  constructor(
    private readonly provenance: Provenance,
    private readonly referrer: Candidate,
    private readonly reference: Reference,
    private readonly candidates: readonly Candidate[],
  ) {}

  fix(parent: Record<string, unknown>, key: string): void {
    const value = parent[key];
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isRecord(item)) this.fixMap(item, value, index);
        else if (isScalar(item)) this.fixScalar(value, index);
        else this.fail(`${JSON.stringify(item)} is expected to be either a string or a map of string`, value, index);
      });
    } else if (isRecord(value)) this.fixMap(value, parent, key);
    else this.fixScalar(parent, key);
  }

  private fixScalar(parent: Record<string, unknown> | unknown[], key: string | number): void {
    const oldName = String((parent as Record<string | number, unknown>)[key]);
    const referral = this.select(oldName, this.candidates, (cs) => cs.every((c) => c.id.name === cs[0]?.id.name), parent, key);
    if (!referral || referral.id.name === oldName) return;
    this.write(parent, key, referral.id.name, nameWrite(this.provenance, referral.resource));
  }

  /** A {name, namespace} map: a namespace narrows the candidates; the referral's namespace is copied. */
  private fixMap(map: Record<string, unknown>, parent: Record<string, unknown> | unknown[], key: string | number): void {
    if (!('name' in map)) this.fail("path config error; no 'name' field in node", parent, key);
    const oldName = String(map['name'] ?? '');
    let pool = this.candidates;
    if ('namespace' in map) {
      const ns = String(map['namespace'] ?? '');
      const byOriginal = pool.filter((c) => !c.clusterScoped && effective(c.original.namespace) === ns);
      pool = byOriginal.length > 0 ? byOriginal : pool.filter((c) => !c.clusterScoped && effective(c.id.namespace) === ns);
    }
    const sameNameAndNamespace = (cs: readonly Candidate[]): boolean => cs.every((c) => c.id.name === cs[0]?.id.name && c.id.namespace === cs[0]?.id.namespace);
    const referral = this.select(oldName, pool, sameNameAndNamespace, map, 'name');
    if (!referral) return;
    const namespace = referral.id.namespace ?? '';
    if (referral.id.name === oldName && namespace === '') return;
    this.write(map, 'name', referral.id.name, nameWrite(this.provenance, referral.resource));
    if (namespace !== '') this.write(map, 'namespace', namespace, namespaceWrite(this.provenance, referral.resource));
  }

  private select(oldName: string, pool: readonly Candidate[], identical: ReferralQuery['identical'], parent: object, key: string | number): Candidate | undefined {
    const result = selectReferral({ referrer: this.referrer, target: this.reference.target, roleRef: this.roleRef(), oldName, identical }, pool);
    if (result && 'ambiguous' in result) {
      const ids = result.ambiguous.map((c) => formatResourceId(c.id)).join(', ');
      this.fail(`found multiple possible referrals for '${oldName}': ${ids}`, parent, key);
    }
    return result?.found;
  }

  private roleRef(): Gvk | undefined {
    if (!this.reference.spec.path.endsWith('roleRef/name')) return undefined;
    const roleRef = this.referrer.resource.object['roleRef'];
    if (!isRecord(roleRef) || roleRef['apiGroup'] == null || roleRef['kind'] == null) return undefined;
    return { group: String(roleRef['apiGroup']), kind: String(roleRef['kind']) };
  }

  /** kyaml's FieldSetter with a StringValue: an untagged node in the field's style, so a plain `false` prints as a boolean (kubectl-verified). */
  private write(parent: Record<string, unknown> | unknown[], key: string | number, value: string, where: SourceLocation): void {
    const fields = parent as Record<string | number, unknown>;
    const quoted = !Array.isArray(parent) && isQuotedField(this.provenance, parent, String(key), fields[key]);
    fields[key] = quoted ? value : resolvePlain(value);
    this.provenance.record(parent, key, { file: where.file, line: where.line, column: where.column, operation: 'nameReference' });
    if (!quoted) markUntagged(this.provenance, parent, key);
  }

  /** Located at the reference itself: the line in the resource file a user would fix. */
  fail(message: string, parent?: object, key?: string | number): never {
    const at = parent !== undefined && key !== undefined ? this.provenance.of(parent, key)[0] : undefined;
    const where = at ?? this.referrer.resource.origin;
    const path = this.reference.spec.path;
    throw new RenderError(diagnostic(where.file, `updating name reference in '${path}' of ${formatResourceId(this.referrer.id)}: ${message}`, where));
  }
}

/** The write that gave the referral its current name: the outermost prefix, suffix or hash. */
function nameWrite(provenance: Provenance, r: Resource): SourceLocation {
  return provenance.of(r.object.metadata, 'name')[0] ?? r.origin;
}

function namespaceWrite(provenance: Provenance, r: Resource): SourceLocation {
  return provenance.of(r.object.metadata, 'namespace')[0] ?? nameWrite(provenance, r);
}

function effective(namespace: string | undefined): string {
  return namespace === undefined || namespace === '' ? 'default' : namespace;
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
