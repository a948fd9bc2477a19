/*
 * The deploy wizard's output against the real apiserver (issue 10, "Tests that must exist"):
 * for every catalog model on ome-dev-a that has a compatible runtime (as the runtime route,
 * i.e. OME's selection, says), the InferenceService the wizard builds (ome-common's deploy
 * draft, step by step as the wizard does) passes the CRD schema and admission in a server
 * dry run through the OME backend. Nothing is written.
 *
 * The models' format, framework, architecture and size are the demo status writer's (OME's
 * model-agent fills them in; the writer takes them from each model's own srt- runtime), so
 * some models have a runtime and some do not, as on a real cluster.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
  newService,
  withSpec,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { startOmeBackend } from './__testUtils__/controlPlane';

jest.setTimeout(900_000);

const CLUSTER = 'ome-dev-a';
/** Exists in every cluster; a dry run writes nothing into it. */
const NAMESPACE = 'default';
const auth = () => mockCredentials.user.header();

/** The wizard's steps: model, service name, runtime chosen (as shown by the runtime step). */
function wizardService(
  model: string,
  name: string,
  runtime: string,
): KubernetesObject {
  const draft = newService(NAMESPACE, model);
  const named = { ...draft, metadata: { ...draft.metadata, name } };
  return withSpec(named, ['runtime'], { name: runtime });
}

describe("the deploy wizard's output over OME's catalog (server dry run)", () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startOmeBackend();
    server = backend.server;
    stop = () => backend.stop();
    // The kubernetes backend's first cluster listing can outlast a request on a busy machine.
    for (let i = 0; i < 3; i++) {
      const res = await request(server)
        .get('/api/ome/clusters')
        .set('Authorization', auth());
      if (res.status === 200) break;
    }
  });

  afterAll(async () => {
    await stop?.();
  });

  it('is accepted by schema and admission for every model with a compatible runtime', async () => {
    const list = await request(server)
      .get('/api/ome/clusterbasemodels')
      .query({ cluster: CLUSTER, sort: 'name' })
      .set('Authorization', auth());
    expect(list.status).toBe(200);
    const models: string[] = list.body.items.map(
      (i: any) => i.object.metadata.name,
    );
    expect(models.length).toBe(list.body.totalCount);
    expect(models.length).toBeGreaterThan(200);

    let selected = 0;
    let byNameOnly = 0;
    const without: Record<string, number> = {};
    const rejected: string[] = [];
    const warnings: string[] = [];
    for (const [i, model] of models.entries()) {
      const res = await request(server)
        .get(`/api/ome/clusters/${CLUSTER}/clusterbasemodels/${model}/runtimes`)
        .query({ namespace: NAMESPACE })
        .set('Authorization', auth());
      expect({ model, status: res.status }).toEqual({ model, status: 200 });
      // OME's pick, else a runtime that serves the model when named (not auto-selected)
      const runtime: string | undefined =
        res.body.winner?.name ??
        res.body.candidates.find(
          (c: any) => c.reason?.code === 'not-auto-select',
        )?.name;
      if (!runtime) {
        const why = res.body.modelProblem?.code ?? 'no-compatible-runtime';
        without[why] = (without[why] ?? 0) + 1;
        continue;
      }
      if (res.body.winner) selected++;
      else byNameOnly++;
      const service = wizardService(model, `deploy-check-${i}`, runtime);
      const dry = await request(server)
        .post(
          `/api/ome/clusters/${CLUSTER}/namespaces/${NAMESPACE}/inferenceservices`,
        )
        .query({ dryRun: 'true' })
        .set('Authorization', auth())
        .send(service);
      if (dry.status !== 201 && dry.status !== 200) {
        rejected.push(
          `${model} (${runtime}): ${dry.status} ${JSON.stringify(dry.body)}`,
        );
        continue;
      }
      expect(dry.body).toMatchObject({ dryRun: true, cluster: CLUSTER });
      expect(dry.body.object.spec).toMatchObject({
        model: { name: model },
        runtime: { name: runtime },
      });
      warnings.push(...dry.body.warnings.map((w: string) => `${model}: ${w}`));
    }
    const withoutTotal = Object.values(without).reduce((a, b) => a + b, 0);
    // eslint-disable-next-line no-console
    console.log(
      `deploy dry run over ${models.length} ClusterBaseModels on ${CLUSTER}: ` +
        `${selected} with OME's pick, ${byNameOnly} with a runtime only when named, ` +
        `${withoutTotal} without a runtime ${JSON.stringify(without)}; ` +
        `${selected + byNameOnly - rejected.length} dry runs accepted, ${
          rejected.length
        } rejected, ` +
        `${warnings.length} admission warnings`,
    );
    expect(rejected).toEqual([]);
    expect(warnings).toEqual([]);
    // a realistic mix: some models are served, some are not (yet)
    expect(selected).toBeGreaterThan(0);
    expect(withoutTotal).toBeGreaterThan(0);
    expect(selected + byNameOnly + withoutTotal).toBe(models.length);
    // nothing was written
    const after = await request(server)
      .get('/api/ome/inferenceservices')
      .query({ cluster: CLUSTER, namespace: NAMESPACE })
      .set('Authorization', auth());
    expect(after.status).toBe(200);
    expect(
      after.body.items.filter((i: any) =>
        i.object.metadata.name.startsWith('deploy-check-'),
      ),
    ).toEqual([]);
  });
});
