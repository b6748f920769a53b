// `npm run cluster -- --kubeconfig <file> [--port N]`: serve until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startApiServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kubeconfig: { type: 'string' },
      port: { type: 'string', default: '0' },
      log: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.kubeconfig) {
    process.stderr.write('usage: npm run cluster -- --kubeconfig <file> [--port N] [--log]\n');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port: ${values.port}\n`);
    process.exit(2);
  }
  const server = await startApiServer({ port, kubeconfigPath: values.kubeconfig, log: values.log });
  process.stdout.write(`ready ${server.url}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`apiserver: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
