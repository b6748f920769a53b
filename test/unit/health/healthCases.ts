// Table-driven health tests: each case is a live object and the health Argo CD gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessHealth, type AssessHealthOptions } from '../../../src/core/health/assessHealth';
import type { HealthStatus } from '../../../src/core/health/healthStatus';

export interface HealthCase {
  readonly name: string;
  readonly object: Record<string, unknown>;
  /** 'none' when the kind has no health. */
  readonly status: HealthStatus | 'none';
  /** Checked only when given. */
  readonly message?: string;
  readonly options?: AssessHealthOptions;
}

export function testHealthCases(cases: readonly HealthCase[]): void {
  for (const { name, object, status, message, options } of cases) {
    test(name, () => {
      const health = assessHealth(object, options);
      assert.equal(health?.status ?? 'none', status);
      if (message !== undefined) assert.equal(health?.message, message);
    });
  }
}

/** A live object with a name, generation 1 unless the body says otherwise. */
export function live(apiVersion: string, kind: string, body: Record<string, unknown> = {}): Record<string, unknown> {
  const metadata = { name: 'demo', namespace: 'default', generation: 1, ...(body['metadata'] as Record<string, unknown> | undefined) };
  return { apiVersion, kind, ...body, metadata };
}
