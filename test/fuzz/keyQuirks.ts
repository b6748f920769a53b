import { fileText, textFile, type FuzzFile } from './fuzzCase';
import { Random } from './random';

// Keys people write that YAML reads in more than one way, applied now and then to a
// generated case as text (the `yaml` package would quote or refuse them):
// - a ConfigMap data key that is a port (`9000:`): kubectl cannot print it unquoted;
// - a kustomization field written twice: kubectl keeps the later one;
// - a commonAnnotations key kubectl's YAML 1.1 reads as a boolean (`yes:`): kubectl fails;
// - a strategic merge patch field written twice.
// A separate stream of the seed, so that the cases without quirks stay as they were.

export function addKeyQuirks(seed: number, files: Record<string, FuzzFile>): void {
  const rng = new Random(seed ^ 0x6b6579);
  if (rng.chance(0.08)) {
    // A port-keyed ConfigMap (ingress-nginx's tcp-services), the key quoted or not.
    const key = rng.chance(0.5) ? '"9000"' : '9000';
    for (const [path, file] of Object.entries(files)) {
      if (!path.startsWith('base/') || path.endsWith('kustomization.yaml')) continue;
      const text = fileText(file);
      if (/^kind: ConfigMap$/m.test(text) && /^data:$/m.test(text)) files[path] = textFile(text.replace(/^data:\n/m, `data:\n  ${key}: default/app:8080\n`));
    }
  }
  if (rng.chance(0.08)) {
    // A strategic merge patch with a field written twice: kyaml reads the first where the
    // resource has the field, and kubectl fails where the patch adds the mapping whole.
    const patches = Object.entries(files).filter(([path, file]) => path.startsWith('overlay/') && !path.endsWith('kustomization.yaml') && /^kind: /m.test(fileText(file)));
    if (patches.length > 0) {
      const [path, file] = rng.pick(patches);
      const lines = fileText(file).split('\n');
      const scalars = lines.map((line, i) => [line, i] as const).filter(([line]) => /^ +[a-zA-Z]+: [^{[|>]/.test(line));
      if (scalars.length > 0) {
        const [line, i] = rng.pick(scalars);
        lines.splice(i + 1, 0, line.replace(/: .*$/, ': twice'));
        files[path] = textFile(lines.join('\n'));
      }
    }
  }
  const overlay = files['overlay/kustomization.yaml'];
  if (!overlay) return;
  let text = fileText(overlay);
  if (rng.chance(0.06) && /^(namespace|namePrefix|nameSuffix): /m.test(text)) {
    const field = rng.pick(['namespace', 'namePrefix', 'nameSuffix'].filter((f) => new RegExp(`^${f}: `, 'm').test(text)));
    text += `${field}: ${field === 'namespace' ? 'twice' : 'twice-'}\n`;
  }
  if (rng.chance(0.04)) text += `commonAnnotations:\n  ${rng.pick(['yes', 'on', 'y', '1.5'])}: "quirk"\n`;
  if (text !== fileText(overlay)) files['overlay/kustomization.yaml'] = textFile(text);
}
