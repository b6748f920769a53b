// A direct write to the API emulator from inside the extension host: timing a `kubectl set image`
// would mostly time kubectl's own start-up, which is not what "live change → hint" is about.
import { request } from 'node:https';

export interface KubeEndpoint {
  readonly url: string;
  readonly token: string;
  readonly caPem: string;
}

/** Strategic-merge-patches one container's image, as `kubectl set image` does; resolves when the server answered. */
export function setImage(endpoint: KubeEndpoint, namespace: string, deployment: string, container: string, image: string): Promise<void> {
  const body = JSON.stringify({ spec: { template: { spec: { containers: [{ name: container, image }] } } } });
  const url = new URL(`/apis/apps/v1/namespaces/${namespace}/deployments/${deployment}?fieldManager=kubectl-set`, endpoint.url);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'PATCH',
      ca: endpoint.caPem,
      headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/strategic-merge-patch+json', accept: 'application/json' },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`PATCH ${url.pathname}: HTTP ${res.statusCode}: ${text.slice(0, 500)}`));
        else resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
