import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderGoTemplate } from '../../../src/core/repo/template/goTemplate';
import { TemplateError } from '../../../src/core/repo/template/goTemplateParse';
import { flattenParams, renderFastTemplate } from '../../../src/core/repo/template/fastTemplate';
import { normalizeName } from '../../../src/core/repo/template/goTemplateFuncs';

const data = {
  name: 'Prod_EU',
  server: 'https://prod.example.com',
  path: { path: 'apps/web/envs/prod', basename: 'prod', segments: ['apps', 'web', 'envs', 'prod'] },
  values: { tier: 'gold', empty: '' },
  metadata: { labels: { 'topology.kubernetes.io/region': 'eu-west-1', env: 'production' } },
  replicas: 3,
};

test('fields, index and the functions ApplicationSets use', () => {
  const cases: Array<[string, string]> = [
    ['{{.path.basename}}-{{.name}}', 'prod-Prod_EU'],
    ['{{index .path.segments 1}}', 'web'],
    ['{{ index .metadata.labels "topology.kubernetes.io/region" }}', 'eu-west-1'],
    ['{{ .values.missing | default "standard" }}', 'standard'],
    ['{{ .values.empty | default "standard" }}', 'standard'],
    ['{{ .values.tier | default "standard" }}', 'gold'],
    ['{{ default "x" .values.tier }}', 'gold'],
    ['{{ .name | normalize }}', 'prod-eu'],
    ['{{ .name | lower | replace "_" "-" }}', 'prod-eu'],
    ['{{ upper .values.tier }}', 'GOLD'],
    ['{{ trimPrefix "https://" .server }}', 'prod.example.com'],
    ['{{ printf "%s-%d" .path.basename .replicas }}', 'prod-3'],
    ['{{ (index .path.segments 2) | upper }}', 'ENVS'],
    ['{{ join "/" .path.segments }}', 'apps/web/envs/prod'],
    ['{{ .values.tier | quote }}', '"gold"'],
    ['{{ trunc 3 .values.tier }}', 'gol'],
    ['{{ $.path.basename }}', 'prod'],
    ['a {{- " b " -}} c', 'a b c'],
    ['{{/* a comment */}}x', 'x'],
    ['{{ .nothing }}', '<no value>'],
  ];
  for (const [template, expected] of cases) assert.equal(renderGoTemplate(template, data), expected, template);
});

test('if / else if / else with eq, not, and, or', () => {
  const t = '{{if eq .metadata.labels.env "staging"}}s{{else if eq .metadata.labels.env "production"}}p{{else}}o{{end}}';
  assert.equal(renderGoTemplate(t, data), 'p');
  assert.equal(renderGoTemplate('{{if not .values.empty}}empty{{end}}', data), 'empty');
  assert.equal(renderGoTemplate('{{if and .values.tier .replicas}}yes{{end}}', data), 'yes');
  assert.equal(renderGoTemplate('{{or .values.empty "fallback"}}', data), 'fallback');
});

test('missingkey=error fails on a missing key, even before default (as Go does)', () => {
  assert.throws(() => renderGoTemplate('{{ .values.x | default "y" }}', data, { missingKeyError: true }), /map has no entry for key "x"/);
});

test('unsupported constructs and unknown functions are errors, not guesses', () => {
  const bad: Array<[string, RegExp]> = [
    ['{{range .path.segments}}{{.}}{{end}}', /"\{\{range\}\}" is not supported/],
    ['{{with .values}}{{.tier}}{{end}}', /"\{\{with\}\}" is not supported/],
    ['{{ $x := .name }}', /variables are not supported/],
    ['{{ sha256sum .name }}', /function "sha256sum" not defined/],
    ['{{ .name', /unclosed action/],
    ['{{if .name}}x', /without \{\{end\}\}/],
    ['{{ index .path.segments 9 }}', /index out of range/],
    ['{{ .name .server }}', /can't give argument to non-function/],
  ];
  for (const [template, message] of bad) assert.throws(() => renderGoTemplate(template, data), (e: unknown) => e instanceof TemplateError && message.test(e.message), template);
});

test('fasttemplate: flat keys, spaces trimmed, unknown tags left as they are', () => {
  const params = flattenParams({ path: 'apps/web', 'path.basename': 'web', values: { a: 1 }, list: ['x'] });
  assert.deepEqual(params, { path: 'apps/web', 'path.basename': 'web', 'values.a': '1', 'list.0': 'x' });
  assert.equal(renderFastTemplate('{{path.basename}}-{{ values.a }}-{{list.0}}-{{unknown}}', params), 'web-1-x-{{unknown}}');
});

test('normalize matches Argo CD SanitizeName', () => {
  assert.equal(normalizeName('My_Cluster.Example!'), 'my-cluster.example');
  assert.equal(normalizeName('-._x_.-'), 'x');
});
