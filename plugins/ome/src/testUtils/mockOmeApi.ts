import { OmeListResponse } from '@ome-console/plugin-ome-common';
import { OmeApi } from '../api';

/** An OME list answer with defaults for everything not given. */
export function listResponse(
  partial: Partial<OmeListResponse> = {},
): OmeListResponse {
  const items = partial.items ?? [];
  return {
    items,
    totalCount: items.length,
    offset: 0,
    stats: { total: items.length, byCluster: {}, byState: {} },
    errors: [],
    notInstalled: [],
    ...partial,
  };
}

/** An OmeApi of jest mocks: two reachable clusters, empty lists and counts, creating allowed, writes that fail. */
export function mockOmeApi(overrides: Partial<OmeApi> = {}): jest.Mocked<OmeApi> {
  const notMocked = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} not mocked`);
    });
  return {
    getClusters: jest.fn(async () => ({
      items: [
        { name: 'ome-dev-a', reachable: true },
        { name: 'ome-dev-b', reachable: true },
      ],
    })),
    listNamespaces: jest.fn(async () => ({
      items: [
        { cluster: 'ome-dev-a', name: 'default' },
        { cluster: 'ome-dev-a', name: 'team-a' },
      ],
      errors: [],
    })),
    listResources: jest.fn(async () => listResponse()),
    getResource: notMocked('getResource'),
    createResource: notMocked('createResource'),
    updateResource: notMocked('updateResource'),
    deleteResource: notMocked('deleteResource'),
    cloneResource: notMocked('cloneResource'),
    importYaml: notMocked('importYaml'),
    mayCreate: jest.fn(async () => ({ allowed: true, conditional: false })),
    getCounts: jest.fn(async () => ({ items: [] })),
    getAttention: jest.fn(async () => ({ items: [], errors: [] })),
    getKindSchema: jest.fn(async () => ({ type: 'object' })),
    getModelRuntimes: notMocked('getModelRuntimes'),
    getRuntimeModels: notMocked('getRuntimeModels'),

    searchHuggingFace: jest.fn(async () => []),
    inspectHuggingFace: notMocked('inspectHuggingFace'),
    importHuggingFace: notMocked('importHuggingFace'),
    listServicePods: jest.fn(async () => ({ items: [] })),
    listServiceEvents: jest.fn(async () => ({ items: [] })),
    openPodLog: notMocked('openPodLog'),
    getModelProgress: jest.fn(async () => ({
      nodes: [],
      nodesReady: [],
      nodesFailed: [],
      services: [],
    })),
    ...overrides,
  } as jest.Mocked<OmeApi>;
}
