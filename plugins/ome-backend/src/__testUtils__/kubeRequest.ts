/** Minimal shape of a cluster of controlplane.json that `kubeRequest` needs. */
export interface KubeRequestCluster {
  url: string;
  caData: string;
  tokens: Record<string, string>;
}

/**
 * Talks to a cluster's apiserver directly as ome-admin (system:masters), bypassing Backstage:
 * what the tests compare the console's answers with.
 */
export async function kubeRequest<T = any>(
  cluster: KubeRequestCluster,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; warnings: string[] }> {
  const https = await import('node:https');
  const url = new URL(path, cluster.url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca: cluster.caData ? Buffer.from(cluster.caData, 'base64') : undefined,
        headers: {
          Authorization: `Bearer ${cluster.tokens['ome-admin']}`,
          Accept: 'application/json',
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const warning = res.headers.warning;
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
            warnings: [warning ?? []].flat(),
          });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}
