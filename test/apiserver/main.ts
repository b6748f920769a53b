// `npm run cluster -- --kubeconfig <file> [--port N] [--state-dir D] [--rollout-delay-ms N] [--log]`:
// print `ready <url>`, serve until SIGINT/SIGTERM (saving the state first with --state-dir).
import { parseArgs } from 'node:util';
import { startApiServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kubeconfig: { type: 'string' },
      port: { type: 'string', default: '0' },
      log: { type: 'boolean', default: false },
      'state-dir': { type: 'string' },
      'rollout-delay-ms': { type: 'string' },
    },
    strict: true,
  });
  if (!values.kubeconfig) {
    process.stderr.write('usage: npm run cluster -- --kubeconfig <file> [--port N] [--state-dir D] [--rollout-delay-ms N] [--log]\n');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port: ${values.port}\n`);
    process.exit(2);
  }
  const rolloutDelayMs = values['rollout-delay-ms'] === undefined ? undefined : Number(values['rollout-delay-ms']);
  if (rolloutDelayMs !== undefined && !(Number.isFinite(rolloutDelayMs) && rolloutDelayMs >= 0)) {
    process.stderr.write(`invalid --rollout-delay-ms: ${values['rollout-delay-ms']}\n`);
    process.exit(2);
  }
  const server = await startApiServer({
    port, kubeconfigPath: values.kubeconfig, log: values.log,
    ...(values['state-dir'] ? { stateDir: values['state-dir'] } : {}),
    ...(rolloutDelayMs === undefined ? {} : { rolloutDelayMs }),
  });
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
