// Entry point VS Code loads from `extensionTestsPath`: runs every bundled *.spec.js next to
// this file with mocha inside the extension host. Resolving means exit code 0, rejecting 1.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // No colours: the output is parsed by test/e2e/extensionHost.test.ts.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const specs = readdirSync(__dirname).filter((name) => name.endsWith('.spec.js')).sort();
  if (specs.length === 0) throw new Error(`no *.spec.js files in ${__dirname}`);
  for (const spec of specs) mocha.addFile(join(__dirname, spec));
  const failures = await new Promise<number>((done) => mocha.run(done));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
