/*
 * The module installed in a real catalog backend (as the example backend installs it), reading
 * the real local control plane through the real kubernetes and OME backend plugins: the
 * entities end up in the catalog with their relations.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import omePlugin from '@ome-console/plugin-ome-backend';
import { backendConfig } from '@ome-console/plugin-ome-backend/src/__testUtils__/controlPlane';
import request from 'supertest';
import { catalogModuleOme } from './module';

jest.setTimeout(600_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('the OME catalog module in a real catalog backend', () => {
  it('ingests the services and models of a cluster with their relations', async () => {
    const data = backendConfig();
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        catalogPlugin,
        catalogModuleOme,
        mockServices.rootConfig.factory({
          data: {
            ...data,
            ome: { ...data.ome, requestTimeoutMs: 150_000 },
            app: { baseUrl: 'http://localhost:3000' },
            catalog: {
              rules: [{ allow: ['Component', 'Resource'] }],
              providers: {
                ome: {
                  clusters: ['ome-dev-b'],
                  kinds: ['InferenceService', 'BaseModel'],
                  schedule: {
                    frequency: { seconds: 10 },
                    timeout: { minutes: 5 },
                  },
                  owner: { default: 'group:default/ml-platform' },
                },
              },
            },
          },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    try {
      const path =
        '/api/catalog/entities/by-name/component/default/team-b-chat_team-b_ome-dev-b';
      let entity: any;
      // bounded: the first refresh, then the catalog's processing of the entity
      for (
        let attempt = 0;
        attempt < 120 && !entity?.relations?.length;
        attempt++
      ) {
        const res = await request(backend.server)
          .get(path)
          .set('Authorization', mockCredentials.user.header());
        if (res.status === 200) entity = res.body;
        else await sleep(2_000);
        if (!entity?.relations?.length) await sleep(1_000);
      }
      expect(entity).toMatchObject({
        kind: 'Component',
        metadata: {
          title: 'team-b-chat',
          annotations: {
            'ome.io/inference-services': 'ome-dev-b/team-b/team-b-chat',
          },
        },
        spec: { type: 'model-server', owner: 'group:default/ml-platform' },
      });
      expect(entity.relations).toEqual(
        expect.arrayContaining([
          {
            type: 'dependsOn',
            targetRef: 'resource:default/team-b-qwen3-8b_team-b_ome-dev-b',
          },
          { type: 'ownedBy', targetRef: 'group:default/ml-platform' },
        ]),
      );
      const model = await request(backend.server)
        .get(
          '/api/catalog/entities/by-name/resource/default/team-b-qwen3-8b_team-b_ome-dev-b',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(model.status).toBe(200);
      expect(model.body.spec).toMatchObject({ type: 'ai-model' });
    } finally {
      await backend.stop();
    }
  });
});
