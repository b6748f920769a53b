// The extension as installed: present, activates, and registers every command its manifest
// contributes (read from the manifest, so a contributed-but-unregistered command fails here).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'driftline.driftline';

function contributedCommands(packageJson: unknown): string[] {
  const commands = (packageJson as { contributes?: { commands?: Array<{ command?: unknown }> } })
    .contributes?.commands ?? [];
  return commands.map((entry) => entry.command).filter((id): id is string => typeof id === 'string');
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  assert.ok(found, `extension ${extensionId} is not installed`);
  return found;
}

describe('activation', () => {
  it(`${extensionId} is present`, () => {
    assert.equal(extension().id, extensionId);
  });

  it('activates without throwing', async () => {
    await extension().activate();
    assert.equal(extension().isActive, true);
  });

  it('registers every command contributed in package.json', async () => {
    await extension().activate();
    const contributed = contributedCommands(extension().packageJSON);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed commands not registered');
  });
});
