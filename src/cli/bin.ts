import { createInterface } from 'node:readline/promises';
import { main } from './main';
import type { Io } from './io';

const io: Io = {
  color: process.stdout.isTTY === true && !('NO_COLOR' in process.env),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  async confirm(question) {
    if (!process.stdin.isTTY) return false;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  },
};

void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
