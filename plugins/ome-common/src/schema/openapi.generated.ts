// GENERATED FILE: do not edit. The source is openapi.yaml beside this file;
// regenerate with `yarn openapi:generate` (scripts/openapi-generate.mjs).

/**
 * The OME backend's OpenAPI document (from openapi.yaml), as the literal the backend's
 * validating router and its typed handlers need.
 * @public
 */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'ome',
    version: '1',
    description:
      'OME resources (ome.io/v1beta1) across the clusters of the kubernetes backend plugin.\nEvery route but /health requires a Backstage user or service token and a permission\ndecision. Every write (create, update, delete, clone, import) takes `?dryRun=true` to\nlet the cluster validate it without writing anything.\n',
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  tags: [
    {
      name: 'Resources',
    },
    {
      name: 'Clusters',
    },
    {
      name: 'Meta',
    },
    {
      name: 'HuggingFace',
    },
    {
      name: 'Operate',
    },
  ],
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      cluster: {
        name: 'cluster',
        in: 'path',
        required: true,
        description: 'Cluster name as the kubernetes backend knows it',
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: 'Namespace',
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description: 'Object name',
        schema: {
          type: 'string',
        },
      },
      plural: {
        name: 'plural',
        in: 'path',
        required: true,
        description: 'Plural resource name of an OME kind',
        schema: {
          $ref: '#/components/schemas/Plural',
        },
      },
      clusterPlural: {
        name: 'clusterPlural',
        in: 'path',
        required: true,
        description: 'Plural resource name of a cluster-scoped OME kind',
        schema: {
          $ref: '#/components/schemas/ClusterScopedPlural',
        },
      },
      namespacedPlural: {
        name: 'namespacedPlural',
        in: 'path',
        required: true,
        description: 'Plural resource name of a namespaced OME kind',
        schema: {
          $ref: '#/components/schemas/NamespacedPlural',
        },
      },
      dryRun: {
        name: 'dryRun',
        in: 'query',
        required: false,
        description:
          '`true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written.',
        schema: {
          type: 'boolean',
        },
      },
      resourceVersion: {
        name: 'resourceVersion',
        in: 'query',
        allowReserved: true,
        required: false,
        description:
          'Delete only if the object is still at this version (else 409)',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      clusters: {
        name: 'cluster',
        in: 'query',
        allowReserved: true,
        required: false,
        description: 'Only these clusters (repeatable; all by default)',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
      },
      namespaces: {
        name: 'namespace',
        in: 'query',
        allowReserved: true,
        required: false,
        description: 'Only these namespaces (repeatable; namespaced kinds)',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
      },
      labelSelector: {
        name: 'labelSelector',
        in: 'query',
        allowReserved: true,
        required: false,
        description: 'A Kubernetes label selector, e.g. `team=a,tier!=gpu`',
        schema: {
          type: 'string',
        },
      },
      search: {
        name: 'search',
        in: 'query',
        allowReserved: true,
        required: false,
        description:
          "Case-insensitive substring of name, namespace or the kind's summary columns",
        schema: {
          type: 'string',
        },
      },
      sort: {
        name: 'sort',
        in: 'query',
        allowReserved: true,
        required: false,
        description:
          "A column id of the kind (ome-common's `omeColumns`); `name` by default",
        schema: {
          type: 'string',
        },
      },
      order: {
        name: 'order',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
        },
      },
      offset: {
        name: 'offset',
        in: 'query',
        required: false,
        description: 'Index of the first item of the page (0 by default)',
        schema: {
          type: 'integer',
          minimum: 0,
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size (all items when absent)',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
        },
      },
      selectionNamespace: {
        name: 'namespace',
        in: 'query',
        allowReserved: true,
        required: false,
        description:
          "The namespace the InferenceService would live in: its ServingRuntimes take part (default: the model's namespace; for a cluster model, none)",
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
    },
    responses: {
      Error: {
        description:
          "Backstage's error body, with OME details (fieldErrors, rejectedBy, live, warnings, cluster) where they apply",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Kind: {
        type: 'string',
        enum: [
          'ClusterBaseModel',
          'BaseModel',
          'ClusterServingRuntime',
          'ServingRuntime',
          'InferenceService',
          'AcceleratorClass',
          'BenchmarkJob',
          'FineTunedWeight',
        ],
      },
      Plural: {
        type: 'string',
        enum: [
          'clusterbasemodels',
          'basemodels',
          'clusterservingruntimes',
          'servingruntimes',
          'inferenceservices',
          'acceleratorclasses',
          'benchmarkjobs',
          'finetunedweights',
        ],
      },
      ClusterScopedPlural: {
        type: 'string',
        enum: [
          'clusterbasemodels',
          'clusterservingruntimes',
          'acceleratorclasses',
          'finetunedweights',
        ],
      },
      NamespacedPlural: {
        type: 'string',
        enum: [
          'basemodels',
          'servingruntimes',
          'inferenceservices',
          'benchmarkjobs',
        ],
      },
      JsonObject: {
        type: 'object',
        additionalProperties: {},
      },
      KubernetesObject: {
        description:
          'Any Kubernetes object. Fields the console does not know are kept as they are.',
        type: 'object',
        required: ['apiVersion', 'kind', 'metadata'],
        properties: {
          apiVersion: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          metadata: {
            type: 'object',
            additionalProperties: {},
          },
          spec: {
            type: 'object',
            additionalProperties: {},
          },
          status: {
            type: 'object',
            additionalProperties: {},
          },
        },
        additionalProperties: {},
      },
      ItemActions: {
        description: 'What the caller may do with one object',
        type: 'object',
        required: ['update', 'delete'],
        properties: {
          update: {
            type: 'boolean',
          },
          delete: {
            type: 'boolean',
          },
        },
      },
      ListItem: {
        description: 'One object, tagged with the cluster it came from',
        type: 'object',
        required: ['cluster', 'object'],
        properties: {
          cluster: {
            type: 'string',
          },
          object: {
            $ref: '#/components/schemas/KubernetesObject',
          },
          actions: {
            $ref: '#/components/schemas/ItemActions',
          },
        },
      },
      ClusterError: {
        description:
          'Why a cluster contributed nothing (or not everything) to an answer',
        type: 'object',
        required: ['cluster', 'reason', 'message'],
        properties: {
          cluster: {
            type: 'string',
          },
          reason: {
            type: 'string',
            enum: ['unreachable', 'forbidden', 'not-installed', 'error'],
          },
          message: {
            type: 'string',
          },
          statusCode: {
            type: 'integer',
          },
          staleSince: {
            description:
              'Set when the cluster is down and the answer still holds its cached objects: when the cluster last answered (the data is as of then)',
            type: 'string',
            format: 'date-time',
          },
          dataAgeSeconds: {
            description:
              'With `staleSince`, how old the cached data served is, in seconds',
            type: 'integer',
          },
        },
      },
      ListStats: {
        description: 'Figures over the whole filtered list (before paging)',
        type: 'object',
        required: ['total', 'byCluster', 'byState'],
        properties: {
          total: {
            type: 'integer',
          },
          byCluster: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          byState: {
            description:
              'Count per state as `omeObjectState` derives it (e.g. Ready, Failed, Unknown)',
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
        },
      },
      ListResponse: {
        type: 'object',
        required: [
          'items',
          'totalCount',
          'offset',
          'stats',
          'errors',
          'notInstalled',
        ],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ListItem',
            },
          },
          totalCount: {
            description:
              'Items matching the filters in all asked clusters, before paging',
            type: 'integer',
          },
          offset: {
            type: 'integer',
          },
          limit: {
            type: 'integer',
          },
          stats: {
            $ref: '#/components/schemas/ListStats',
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterError',
            },
          },
          notInstalled: {
            description: "Clusters where the kind's CRD is not installed",
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      KindCounts: {
        description:
          'How many objects of one kind the caller may read, per cluster and per state',
        type: 'object',
        required: [
          'kind',
          'total',
          'byState',
          'byCluster',
          'errors',
          'notInstalled',
        ],
        properties: {
          kind: {
            $ref: '#/components/schemas/Kind',
          },
          total: {
            type: 'integer',
          },
          byState: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          byCluster: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['total', 'byState'],
              properties: {
                total: {
                  type: 'integer',
                },
                byState: {
                  type: 'object',
                  additionalProperties: {
                    type: 'integer',
                  },
                },
              },
            },
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterError',
            },
          },
          notInstalled: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      CountsResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KindCounts',
            },
          },
        },
      },
      AttentionObjectRef: {
        description: 'Where one OME object lives',
        type: 'object',
        required: ['cluster', 'kind', 'name'],
        properties: {
          cluster: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/Kind',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
        },
      },
      AttentionItem: {
        description:
          'One entry of the dashboard\'s "needs attention" list (see ome-common\'s omeAttentionItems)',
        type: 'object',
        required: ['reason', 'severity', 'ref', 'summary', 'related'],
        properties: {
          reason: {
            type: 'string',
            enum: [
              'model-failed',
              'service-not-ready',
              'runtime-disabled-in-use',
              'accelerator-without-capacity',
            ],
          },
          severity: {
            type: 'string',
            enum: ['error', 'warning'],
          },
          ref: {
            $ref: '#/components/schemas/AttentionObjectRef',
          },
          summary: {
            description: 'What is wrong, in plain words',
            type: 'string',
          },
          detail: {
            description: "OME's own reason and message",
            type: 'string',
          },
          related: {
            description:
              'Objects it affects (services using a disabled runtime or an accelerator without capacity)',
            type: 'array',
            items: {
              $ref: '#/components/schemas/AttentionObjectRef',
            },
          },
          since: {
            type: 'string',
          },
        },
      },
      AttentionResponse: {
        type: 'object',
        required: ['items', 'errors'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AttentionItem',
            },
          },
          errors: {
            description:
              'Clusters that could not be read for some kind (their problems are missing)',
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterError',
            },
          },
        },
      },
      KindAvailability: {
        type: 'object',
        required: ['kind', 'installed', 'versions'],
        properties: {
          kind: {
            $ref: '#/components/schemas/Kind',
          },
          installed: {
            type: 'boolean',
          },
          versions: {
            description:
              'Served versions of the `ome.io` group that include the kind',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ClusterInfo: {
        type: 'object',
        required: ['name', 'reachable'],
        properties: {
          name: {
            type: 'string',
          },
          title: {
            description:
              "The cluster's title in the kubernetes backend's config, if any",
            type: 'string',
          },
          reachable: {
            type: 'boolean',
          },
          version: {
            description: "The apiserver's gitVersion when reachable",
            type: 'string',
          },
          error: {
            type: 'string',
          },
          kinds: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KindAvailability',
            },
          },
          cache: {
            $ref: '#/components/schemas/ClusterCacheStatus',
          },
        },
      },
      ClusterCacheStatus: {
        description:
          "The OME backend's watch-backed cache of one cluster. `off`: not cached, reads pass through (`reason`: disabled, user-credentials, impersonation, not-started); `syncing`: the first lists are running, reads pass through; `synced`: reads come from the cache; `down`: the cluster fails, reads serve the data cached as of `staleSince`",
        type: 'object',
        required: ['state'],
        properties: {
          state: {
            type: 'string',
            enum: ['off', 'syncing', 'synced', 'down'],
          },
          reason: {
            type: 'string',
            enum: [
              'disabled',
              'user-credentials',
              'impersonation',
              'not-started',
            ],
          },
          message: {
            type: 'string',
          },
          staleSince: {
            type: 'string',
            format: 'date-time',
          },
          dataAgeSeconds: {
            type: 'integer',
          },
        },
      },
      ClustersResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterInfo',
            },
          },
        },
      },
      Namespace: {
        type: 'object',
        required: ['cluster', 'name'],
        properties: {
          cluster: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
        },
      },
      NamespacesResponse: {
        type: 'object',
        required: ['items', 'errors'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Namespace',
            },
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterError',
            },
          },
        },
      },
      KindSchema: {
        description:
          "The JSON schema of a kind as a cluster serves it (its CRD's openAPIV3Schema)",
        type: 'object',
        required: ['cluster', 'kind', 'version', 'schema'],
        properties: {
          cluster: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/Kind',
          },
          version: {
            description: 'The CRD version the schema belongs to, e.g. v1beta1',
            type: 'string',
          },
          schema: {
            $ref: '#/components/schemas/JsonObject',
          },
        },
      },
      PatchOperation: {
        description:
          'One JSON patch (RFC 6902) operation, with the value it replaces for display',
        type: 'object',
        required: ['op', 'path'],
        properties: {
          op: {
            type: 'string',
            enum: ['add', 'remove', 'replace'],
          },
          path: {
            description: 'JSON pointer, e.g. `/spec/engine/minReplicas`',
            type: 'string',
          },
          value: {},
          oldValue: {
            description:
              'The value before the change (for `remove` and `replace`)',
          },
        },
      },
      WriteResult: {
        description:
          'Answer of a create, update, clone or delete (also with dryRun): the object as the cluster answered (redacted), what changed against the live object, and warnings',
        type: 'object',
        required: [
          'cluster',
          'object',
          'changed',
          'dryRun',
          'patch',
          'warnings',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          object: {
            $ref: '#/components/schemas/KubernetesObject',
          },
          changed: {
            type: 'boolean',
          },
          dryRun: {
            type: 'boolean',
          },
          patch: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PatchOperation',
            },
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      CloneRequest: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: {
            description: 'Name of the copy',
            type: 'string',
            minLength: 1,
          },
          cluster: {
            description: "Target cluster (the source's by default)",
            type: 'string',
            minLength: 1,
          },
          namespace: {
            description:
              "Target namespace of a namespaced kind (the source's by default)",
            type: 'string',
            minLength: 1,
          },
        },
      },
      CreateDecision: {
        type: 'object',
        required: ['allowed', 'conditional'],
        properties: {
          allowed: {
            type: 'boolean',
          },
          conditional: {
            description:
              'The policy decided with conditions (e.g. only some namespaces)',
            type: 'boolean',
          },
          reason: {
            description: 'Why not, when not allowed',
            type: 'string',
          },
        },
      },
      ImportRequest: {
        description:
          'The documents themselves (`yaml`) or where to read them (`url`): exactly one of the two',
        type: 'object',
        required: ['cluster'],
        additionalProperties: false,
        properties: {
          cluster: {
            type: 'string',
            minLength: 1,
          },
          namespace: {
            description: 'Namespace for namespaced documents that name none',
            type: 'string',
            minLength: 1,
          },
          yaml: {
            description:
              'One or more YAML (or JSON) documents separated by `---`',
            type: 'string',
          },
          url: {
            description:
              "A URL the backend reads the documents from through Backstage's UrlReaderService, so the portal's integrations (and their credentials) and `backend.reading.allow` decide what may be read; the content itself is never sent back",
            type: 'string',
            minLength: 1,
            maxLength: 2048,
          },
        },
      },
      HuggingFaceModel: {
        description:
          'A model of the HuggingFace hub (card details and, for one model, its files)',
        type: 'object',
        required: ['id', 'gated', 'tags', 'files'],
        properties: {
          id: {
            type: 'string',
          },
          author: {
            type: 'string',
          },
          sha: {
            type: 'string',
          },
          lastModified: {
            type: 'string',
          },
          downloads: {
            type: 'number',
          },
          likes: {
            type: 'number',
          },
          gated: {
            description:
              'false, or how the hub grants access (a token is needed either way)',
            oneOf: [
              {
                type: 'boolean',
                enum: [false],
              },
              {
                type: 'string',
                enum: ['auto', 'manual'],
              },
            ],
          },
          private: {
            type: 'boolean',
          },
          pipelineTag: {
            type: 'string',
          },
          libraryName: {
            type: 'string',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          license: {
            type: 'string',
          },
          safetensorsParameters: {
            type: 'number',
          },
          files: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path'],
              properties: {
                path: {
                  type: 'string',
                },
                size: {
                  type: 'number',
                },
              },
            },
          },
        },
      },
      HuggingFaceSearchResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/HuggingFaceModel',
            },
          },
        },
      },
      HuggingFaceDetection: {
        description:
          'OME model spec fields detected from config.json and the file list, with their sources',
        type: 'object',
        required: ['sources', 'notes'],
        properties: {
          modelFormat: {
            $ref: '#/components/schemas/JsonObject',
          },
          modelFramework: {
            $ref: '#/components/schemas/JsonObject',
          },
          modelArchitecture: {
            type: 'string',
          },
          modelParameterSize: {
            type: 'string',
          },
          maxTokens: {
            type: 'integer',
          },
          quantization: {
            type: 'string',
          },
          license: {
            type: 'string',
          },
          sources: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          notes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      HuggingFaceInspectRequest: {
        type: 'object',
        required: ['modelId'],
        additionalProperties: false,
        properties: {
          modelId: {
            description: "The hub's model id, `owner/name`",
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          revision: {
            description: 'Branch, tag or commit (default main)',
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          token: {
            description:
              'Hub token for gated models; never answered, logged or audited',
            type: 'string',
            minLength: 1,
            maxLength: 512,
          },
        },
      },
      HuggingFaceInspection: {
        type: 'object',
        required: [
          'model',
          'detection',
          'config',
          'storageUri',
          'suggestedName',
        ],
        properties: {
          model: {
            $ref: '#/components/schemas/HuggingFaceModel',
          },
          detection: {
            $ref: '#/components/schemas/HuggingFaceDetection',
          },
          config: {
            type: 'string',
            enum: ['read', 'missing', 'refused'],
          },
          configMessage: {
            type: 'string',
          },
          storageUri: {
            description: "OME's storage URI, `hf://<model-id>[@<branch>]`",
            type: 'string',
          },
          suggestedName: {
            type: 'string',
          },
        },
      },
      HuggingFaceImportRequest: {
        type: 'object',
        required: ['cluster', 'kind', 'name', 'modelId'],
        additionalProperties: false,
        properties: {
          cluster: {
            type: 'string',
            minLength: 1,
          },
          kind: {
            type: 'string',
            enum: ['ClusterBaseModel', 'BaseModel'],
          },
          namespace: {
            description: 'Namespace of a BaseModel',
            type: 'string',
            minLength: 1,
          },
          name: {
            type: 'string',
            minLength: 1,
          },
          modelId: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          revision: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          token: {
            description:
              'Hub token for gated models: stored in a Secret (key `token`, named by `spec.storage.key`; namespace `ome` for a ClusterBaseModel) created with the model',
            type: 'string',
            minLength: 1,
            maxLength: 512,
          },
        },
      },
      HuggingFaceImportResponse: {
        type: 'object',
        required: ['model', 'detection'],
        properties: {
          model: {
            $ref: '#/components/schemas/WriteResult',
          },
          secret: {
            type: 'object',
            required: ['name', 'namespace'],
            properties: {
              name: {
                type: 'string',
              },
              namespace: {
                type: 'string',
              },
            },
          },
          detection: {
            $ref: '#/components/schemas/HuggingFaceDetection',
          },
        },
      },
      FieldError: {
        description:
          'A field-level problem; `path` is dotted, e.g. `spec.engine.minReplicas`',
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      ImportDocumentResult: {
        type: 'object',
        required: ['index', 'outcome'],
        properties: {
          index: {
            description: '0-based index of the document in the YAML',
            type: 'integer',
          },
          kind: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          outcome: {
            description:
              '`valid`: would be created or updated (dry run, or not applied because another document failed); `rolled-back`: created, then deleted again, or updated, then restored as it was stored before, because a later document failed (an object someone else changed since the import wrote it is not rolled back: it keeps its outcome and the message says so)',
            type: 'string',
            enum: [
              'created',
              'updated',
              'unchanged',
              'valid',
              'refused',
              'failed',
              'rolled-back',
            ],
          },
          message: {
            type: 'string',
          },
          fieldErrors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldError',
            },
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ImportResponse: {
        description: 'All documents are applied, or none',
        type: 'object',
        required: ['cluster', 'dryRun', 'applied', 'results'],
        properties: {
          cluster: {
            type: 'string',
          },
          dryRun: {
            type: 'boolean',
          },
          applied: {
            type: 'boolean',
          },
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImportDocumentResult',
            },
          },
        },
      },
      PodSummary: {
        type: 'object',
        required: [
          'name',
          'namespace',
          'phase',
          'ready',
          'restarts',
          'containers',
          'initContainers',
        ],
        properties: {
          name: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          component: {
            type: 'string',
            description: "OME's `component` label (engine, decoder, router)",
          },
          phase: {
            type: 'string',
            description:
              "Pod phase, or a container's waiting reason such as CrashLoopBackOff",
          },
          ready: {
            type: 'string',
            description: '"ready containers/containers"',
          },
          restarts: {
            type: 'integer',
          },
          node: {
            type: 'string',
          },
          containers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          initContainers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          reason: {
            type: 'string',
            description:
              "Why it is not running (the scheduler's message for a pending pod)",
          },
          startTime: {
            type: 'string',
          },
        },
      },
      PodsResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PodSummary',
            },
          },
        },
      },
      EventSummary: {
        type: 'object',
        required: ['type', 'reason', 'message', 'object', 'count'],
        properties: {
          type: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          object: {
            type: 'string',
            description: 'Kind/name of the object the event is about',
          },
          count: {
            type: 'integer',
          },
          last: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
        },
      },
      EventsResponse: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EventSummary',
            },
          },
        },
      },
      ModelNodeReport: {
        type: 'object',
        required: ['node', 'state'],
        properties: {
          node: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['Ready', 'Updating', 'Failed', 'Deleted', 'Unknown'],
          },
          progress: {
            type: 'object',
            properties: {
              phase: {
                type: 'string',
              },
              totalBytes: {
                type: 'number',
              },
              completedBytes: {
                type: 'number',
              },
              totalFiles: {
                type: 'number',
              },
              completedFiles: {
                type: 'number',
              },
              speedBytesPerSec: {
                type: 'number',
              },
              lastUpdated: {
                type: 'string',
              },
              fraction: {
                type: 'number',
              },
            },
          },
        },
      },
      ModelProgressResponse: {
        type: 'object',
        required: ['nodes', 'nodesReady', 'nodesFailed', 'services'],
        properties: {
          nodes: {
            description:
              "The model-agent's report per node (its ConfigMaps in OME's namespace)",
            type: 'array',
            items: {
              $ref: '#/components/schemas/ModelNodeReport',
            },
          },
          nodesReady: {
            description: 'status.nodesReady of the model',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          nodesFailed: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          services: {
            description:
              'The InferenceServices of this cluster that use the model (those the caller may read)',
            type: 'array',
            items: {
              type: 'object',
              required: ['namespace', 'name'],
              properties: {
                namespace: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
                ready: {
                  type: 'string',
                },
              },
            },
          },
          agentError: {
            description:
              "Why the model-agent's ConfigMaps could not be read (the rest is still answered)",
            type: 'string',
          },
        },
      },
      ErrorDetails: {
        type: 'object',
        properties: {
          fieldErrors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldError',
            },
          },
          rejectedBy: {
            description:
              "`schema`: rejected by the CRD's OpenAPI schema (or ome-common's); `admission`: by an admission policy or webhook",
            type: 'string',
            enum: ['schema', 'admission'],
          },
          live: {
            $ref: '#/components/schemas/KubernetesObject',
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          cluster: {
            type: 'string',
          },
        },
      },
      RuntimeExclusion: {
        description:
          'Why a runtime is not the one OME picks (code in the order OME checks), in plain words',
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      RuntimeCandidate: {
        description: "One runtime as OME's selection sees it for a model",
        type: 'object',
        required: ['name', 'isCluster', 'score', 'compatible', 'selectable'],
        properties: {
          name: {
            type: 'string',
          },
          namespace: {
            description: 'Set for a namespaced ServingRuntime',
            type: 'string',
          },
          isCluster: {
            type: 'boolean',
          },
          score: {
            description:
              "OME's score (weights times priority); 0 where not compatible",
            type: 'integer',
          },
          compatible: {
            description:
              'The runtime can serve the model (named explicitly, at least)',
            type: 'boolean',
          },
          selectable: {
            description: 'OME would consider it for automatic selection',
            type: 'boolean',
          },
          rank: {
            description:
              '1-based place among the selectable runtimes; 1 is the winner',
            type: 'integer',
          },
          reason: {
            $ref: '#/components/schemas/RuntimeExclusion',
          },
        },
      },
      ModelRuntimesResponse: {
        description:
          "The runtimes OME would consider for a model, ranked, with the first reason each other one is excluded. Selection runs over every runtime of the cluster, as OME's does; the answer lists only those the caller may read and counts the others.",
        type: 'object',
        required: [
          'cluster',
          'candidates',
          'unknownModelFields',
          'hiddenRuntimes',
          'winnerHidden',
          'errors',
        ],
        properties: {
          cluster: {
            type: 'string',
          },
          namespace: {
            description:
              'The namespace the service would live in (namespaced runtimes elsewhere are not seen)',
            type: 'string',
          },
          winner: {
            $ref: '#/components/schemas/RuntimeCandidate',
          },
          winnerHidden: {
            description:
              'OME would pick a runtime the caller may not read (it is not named)',
            type: 'boolean',
          },
          candidates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuntimeCandidate',
            },
          },
          unknownModelFields: {
            description:
              "Model fields selection depends on that OME's model-agent has not filled in yet",
            type: 'array',
            items: {
              type: 'string',
              enum: [
                'modelFormat',
                'modelArchitecture',
                'modelFramework',
                'modelParameterSize',
              ],
            },
          },
          modelProblem: {
            $ref: '#/components/schemas/RuntimeExclusion',
          },
          hiddenRuntimes: {
            description:
              'Runtimes that took part but that the caller may not read',
            type: 'integer',
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterError',
            },
          },
        },
      },
      RuntimeModelMatch: {
        description: 'One model and how a given runtime fares for it',
        type: 'object',
        required: [
          'kind',
          'name',
          'compatible',
          'selected',
          'unknownModelFields',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['ClusterBaseModel', 'BaseModel'],
          },
          name: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          compatible: {
            description:
              'The runtime can serve the model (named explicitly, at least)',
            type: 'boolean',
          },
          selected: {
            description:
              'OME picks this runtime for the model when the service names none',
            type: 'boolean',
          },
          rank: {
            type: 'integer',
          },
          reason: {
            $ref: '#/components/schemas/RuntimeExclusion',
          },
          unknownModelFields: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      RuntimeModelsResponse: {
        description:
          'The models a runtime can serve (compatible first), and for each whether OME would pick it automatically. Lists only models the caller may read and counts the others.',
        type: 'object',
        required: ['cluster', 'models', 'hiddenModels', 'errors'],
        properties: {
          cluster: {
            type: 'string',
          },
          models: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuntimeModelMatch',
            },
          },
          hiddenModels: {
            type: 'integer',
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterError',
            },
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
          details: {
            $ref: '#/components/schemas/ErrorDetails',
          },
        },
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        tags: ['Meta'],
        summary: 'Liveness (no credentials needed)',
        security: [],
        'x-ome-permission': 'none',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status'],
                  properties: {
                    status: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['Meta'],
        summary: 'This document',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        responses: {
          '200': {
            description: 'The OpenAPI document',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/JsonObject',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters': {
      get: {
        operationId: 'listClusters',
        tags: ['Clusters'],
        summary:
          'Clusters with reachability, version and the OME kinds (and versions) each serves',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        responses: {
          '200': {
            description: 'Clusters',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClustersResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/namespaces': {
      get: {
        operationId: 'listNamespaces',
        tags: ['Clusters'],
        summary:
          'Namespaces of every cluster (or of the given ones), with labels',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/clusters',
          },
        ],
        responses: {
          '200': {
            description: 'Namespaces',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NamespacesResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/counts': {
      get: {
        operationId: 'getCounts',
        tags: ['Resources'],
        summary:
          'Per kind, per cluster and per state, how many objects the caller may read (filtered by the read decision exactly like the lists)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/clusters',
          },
        ],
        responses: {
          '200': {
            description: 'The counts, one entry per kind',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CountsResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/events': {
      get: {
        operationId: 'streamChanges',
        tags: ['Resources'],
        summary:
          "The change stream of one browser tab (server-sent events): every added, modified or deleted object of the subscribed kinds, clusters and namespaces that the caller may read (the read decision of the lists; an object leaving the caller's scope arrives as a delete), coalesced per object",
        description:
          "Events: `ready` (first; its id is the starting position), `change` (data:\n`{type, cluster, kind, object}`), `reset` (refetch everything shown: the\n`Last-Event-ID` is from another replica or older than the replay window) and\n`heartbeat` (every 15 s, advancing the position). Each id carries this process's\ninstance id, a sequence number and the resourceVersion of every cluster.\nReconnecting with `Last-Event-ID` gives exactly the changes missed since that id.\nTo follow other kinds, a tab opens a new stream (with its last id) and closes the\nold one. Not compressed (`Cache-Control: no-transform`), flushed per event.\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            required: false,
            description:
              'Only these kinds, by plural (repeatable; all by default)',
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/Plural',
              },
            },
          },
          {
            $ref: '#/components/parameters/clusters',
          },
          {
            $ref: '#/components/parameters/namespaces',
          },
          {
            name: 'Last-Event-ID',
            in: 'header',
            required: false,
            description:
              'The id of the last event the client received (resume after it)',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'A server-sent event stream that stays open',
            content: {
              'text/event-stream': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/attention': {
      get: {
        operationId: 'getAttention',
        tags: ['Resources'],
        summary:
          'The dashboard\'s "needs attention" list: failed models, services not ready (with OME\'s reason), disabled runtimes still named by a service, accelerators without capacity. Computed only over the objects the caller may read (the read decision exactly like the lists), so no entry names anything else.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/clusters',
          },
        ],
        responses: {
          '200': {
            description: 'The entries, errors first',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AttentionResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/permissions/create': {
      get: {
        operationId: 'getCreateDecision',
        tags: ['Resources'],
        summary:
          "May the caller create an object of this kind here? Answers the caller's create decision (200 with allowed false, never 403), for showing or hiding create actions. A decision with conditions on the object's own labels is made again on the object itself when it is created.",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'create',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            required: true,
            schema: {
              $ref: '#/components/schemas/Kind',
            },
          },
          {
            name: 'cluster',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'namespace',
            in: 'query',
            allowReserved: true,
            required: false,
            description: 'Namespace (namespaced kinds only; required for them)',
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The decision',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreateDecision',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/import': {
      post: {
        operationId: 'importYaml',
        tags: ['Resources'],
        summary:
          'Create or update the OME objects (and Namespaces) of a multi-document YAML, pasted or read from a URL: all or nothing, a result per document; Secrets refused',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'create',
        parameters: [
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ImportRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Per-document results',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImportResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/huggingface/models': {
      get: {
        operationId: 'searchHuggingFaceModels',
        tags: ['HuggingFace'],
        summary:
          'Search the configured model hub (`ome.huggingFace.baseUrl`) by model id. Decided by read: it shows nothing of any cluster, but is part of the console',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            name: 'search',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Matching models',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HuggingFaceSearchResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/huggingface/inspect': {
      post: {
        operationId: 'inspectHuggingFaceModel',
        tags: ['HuggingFace'],
        summary:
          "One hub model's card details and what its config.json and files say in OME's terms (format, architecture, parameter size, context length, quantization, licence). A POST so that a token never travels in a URL; writes nothing",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/HuggingFaceInspectRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The model and the detection',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HuggingFaceInspection',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/huggingface/import': {
      post: {
        operationId: 'importHuggingFaceModel',
        tags: ['HuggingFace'],
        summary:
          'Create a ClusterBaseModel or BaseModel for a hub model (storage `hf://...`), with a token Secret for gated models created with it (the Secret needs ome.secret.create as well). All or nothing',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'create',
        parameters: [
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/HuggingFaceImportRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created (or, dry run, would be)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HuggingFaceImportResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/{plural}': {
      get: {
        operationId: 'listResources',
        tags: ['Resources'],
        summary:
          'List the objects of a kind across clusters (filtered, sorted and paged after permission filtering)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/plural',
          },
          {
            $ref: '#/components/parameters/clusters',
          },
          {
            $ref: '#/components/parameters/namespaces',
          },
          {
            $ref: '#/components/parameters/labelSelector',
          },
          {
            $ref: '#/components/parameters/search',
          },
          {
            $ref: '#/components/parameters/sort',
          },
          {
            $ref: '#/components/parameters/order',
          },
          {
            $ref: '#/components/parameters/offset',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'The page',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/schemas/{plural}': {
      get: {
        operationId: 'getKindSchema',
        tags: ['Clusters'],
        summary:
          "The JSON schema of a kind as the cluster serves it (the CRD's openAPIV3Schema of ome.io/v1beta1); 404 when the kind is not installed there",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/plural',
          },
        ],
        responses: {
          '200': {
            description: 'The schema',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KindSchema',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/{clusterPlural}': {
      post: {
        operationId: 'createClusterScopedResource',
        tags: ['Resources'],
        summary: 'Create a cluster-scoped object',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'create',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/clusterPlural',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/KubernetesObject',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created (or, dry run, would be)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/{clusterPlural}/{name}': {
      get: {
        operationId: 'getClusterScopedResource',
        tags: ['Resources'],
        summary: 'Get one cluster-scoped object (secrets redacted)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/clusterPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The object',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListItem',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'updateClusterScopedResource',
        tags: ['Resources'],
        summary:
          'Update a cluster-scoped object: the edited object with the resourceVersion it was read at; only the fields that differ from the live object change (409 when stale)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'update',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/clusterPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/KubernetesObject',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Updated, unchanged or (dry run) the would-be result',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'deleteClusterScopedResource',
        tags: ['Resources'],
        summary: 'Delete a cluster-scoped object',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'delete',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/clusterPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
          {
            $ref: '#/components/parameters/resourceVersion',
          },
        ],
        responses: {
          '200': {
            description: 'Deleted (or, dry run, would be)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/{clusterPlural}/{name}/clone': {
      post: {
        operationId: 'cloneClusterScopedResource',
        tags: ['Resources'],
        summary:
          'Copy a cluster-scoped object under a new name (optionally to another cluster)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'create',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/clusterPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CloneRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The copy (or, dry run, what it would be)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}': {
      post: {
        operationId: 'createNamespacedResource',
        tags: ['Resources'],
        summary: 'Create a namespaced object',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'create',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/namespacedPlural',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/KubernetesObject',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created (or, dry run, would be)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}': {
      get: {
        operationId: 'getNamespacedResource',
        tags: ['Resources'],
        summary: 'Get one namespaced object (secrets redacted)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/namespacedPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The object',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListItem',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'updateNamespacedResource',
        tags: ['Resources'],
        summary:
          'Update a namespaced object: the edited object with the resourceVersion it was read at; only the fields that differ from the live object change (409 when stale)',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'update',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/namespacedPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/KubernetesObject',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Updated, unchanged or (dry run) the would-be result',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'deleteNamespacedResource',
        tags: ['Resources'],
        summary: 'Delete a namespaced object',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'delete',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/namespacedPlural',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/dryRun',
          },
          {
            $ref: '#/components/parameters/resourceVersion',
          },
        ],
        responses: {
          '200': {
            description: 'Deleted (or, dry run, would be)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}/clone':
      {
        post: {
          operationId: 'cloneNamespacedResource',
          tags: ['Resources'],
          summary:
            'Copy a namespaced object under a new name (optionally to another cluster or namespace)',
          security: [
            {},
            {
              JWT: [],
            },
          ],
          'x-ome-permission': 'create',
          parameters: [
            {
              $ref: '#/components/parameters/cluster',
            },
            {
              $ref: '#/components/parameters/namespace',
            },
            {
              $ref: '#/components/parameters/namespacedPlural',
            },
            {
              $ref: '#/components/parameters/name',
            },
            {
              $ref: '#/components/parameters/dryRun',
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CloneRequest',
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'The copy (or, dry run, what it would be)',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/WriteResult',
                  },
                },
              },
            },
            default: {
              $ref: '#/components/responses/Error',
            },
          },
        },
      },
    '/clusters/{cluster}/clusterbasemodels/{name}/runtimes': {
      get: {
        operationId: 'getClusterBaseModelRuntimes',
        tags: ['Resources'],
        summary:
          'The runtimes OME would pick from for a ClusterBaseModel, ranked, with reasons',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/selectionNamespace',
          },
        ],
        responses: {
          '200': {
            description: 'Ranked runtimes and reasons',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelRuntimesResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/namespaces/{namespace}/basemodels/{name}/runtimes': {
      get: {
        operationId: 'getBaseModelRuntimes',
        tags: ['Resources'],
        summary:
          'The runtimes OME would pick from for a BaseModel, ranked, with reasons',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ranked runtimes and reasons',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelRuntimesResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/clusterservingruntimes/{name}/models': {
      get: {
        operationId: 'getClusterServingRuntimeModels',
        tags: ['Resources'],
        summary:
          'The models a ClusterServingRuntime can serve, and which of them OME would give it',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'read',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Models and how the runtime fares for each',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RuntimeModelsResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/namespaces/{namespace}/servingruntimes/{name}/models':
      {
        get: {
          operationId: 'getServingRuntimeModels',
          tags: ['Resources'],
          summary:
            'The models a ServingRuntime can serve, and which of them OME would give it',
          security: [
            {},
            {
              JWT: [],
            },
          ],
          'x-ome-permission': 'read',
          parameters: [
            {
              $ref: '#/components/parameters/cluster',
            },
            {
              $ref: '#/components/parameters/namespace',
            },
            {
              $ref: '#/components/parameters/name',
            },
          ],
          responses: {
            '200': {
              description: 'Models and how the runtime fares for each',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/RuntimeModelsResponse',
                  },
                },
              },
            },
            default: {
              $ref: '#/components/responses/Error',
            },
          },
        },
      },
    '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/pods':
      {
        get: {
          operationId: 'listInferenceServicePods',
          tags: ['Operate'],
          summary:
            "The pods behind an InferenceService's components (OME's labels), summarised",
          security: [
            {},
            {
              JWT: [],
            },
          ],
          'x-ome-permission': 'operational',
          parameters: [
            {
              $ref: '#/components/parameters/cluster',
            },
            {
              $ref: '#/components/parameters/namespace',
            },
            {
              $ref: '#/components/parameters/name',
            },
          ],
          responses: {
            '200': {
              description: 'The pods',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/PodsResponse',
                  },
                },
              },
            },
            default: {
              $ref: '#/components/responses/Error',
            },
          },
        },
      },
    '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/events':
      {
        get: {
          operationId: 'listInferenceServiceEvents',
          tags: ['Operate'],
          summary:
            'Kubernetes events of an InferenceService and of its pods, newest first',
          security: [
            {},
            {
              JWT: [],
            },
          ],
          'x-ome-permission': 'operational',
          parameters: [
            {
              $ref: '#/components/parameters/cluster',
            },
            {
              $ref: '#/components/parameters/namespace',
            },
            {
              $ref: '#/components/parameters/name',
            },
          ],
          responses: {
            '200': {
              description: 'The events',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/EventsResponse',
                  },
                },
              },
            },
            default: {
              $ref: '#/components/responses/Error',
            },
          },
        },
      },
    '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/pods/{pod}/log':
      {
        get: {
          operationId: 'getInferenceServicePodLog',
          tags: ['Operate'],
          summary:
            "A container's log of one pod of the InferenceService (404 for a pod that is not one of its pods), as plain text; with `follow=true` streamed until the client leaves",
          security: [
            {},
            {
              JWT: [],
            },
          ],
          'x-ome-permission': 'operational',
          parameters: [
            {
              $ref: '#/components/parameters/cluster',
            },
            {
              $ref: '#/components/parameters/namespace',
            },
            {
              $ref: '#/components/parameters/name',
            },
            {
              name: 'pod',
              in: 'path',
              required: true,
              description: 'Pod name',
              schema: {
                type: 'string',
              },
            },
            {
              name: 'container',
              in: 'query',
              allowReserved: true,
              required: false,
              description:
                "Container name (the pod's first container by default)",
              schema: {
                type: 'string',
                minLength: 1,
              },
            },
            {
              name: 'tailLines',
              in: 'query',
              required: false,
              description: 'Only the last lines (200 by default)',
              schema: {
                type: 'integer',
                minimum: 1,
                maximum: 5000,
              },
            },
            {
              name: 'follow',
              in: 'query',
              required: false,
              description: 'Keep the response open and stream new lines',
              schema: {
                type: 'boolean',
              },
            },
            {
              name: 'timestamps',
              in: 'query',
              required: false,
              description: 'Prefix every line with its RFC 3339 time',
              schema: {
                type: 'boolean',
              },
            },
            {
              name: 'previous',
              in: 'query',
              required: false,
              description:
                'The log of the previous (crashed) instance of the container',
              schema: {
                type: 'boolean',
              },
            },
          ],
          responses: {
            '200': {
              description: 'The log lines',
              content: {
                'text/plain': {
                  schema: {
                    type: 'string',
                  },
                },
              },
            },
            default: {
              $ref: '#/components/responses/Error',
            },
          },
        },
      },
    '/clusters/{cluster}/clusterbasemodels/{name}/progress': {
      get: {
        operationId: 'getClusterBaseModelProgress',
        tags: ['Operate'],
        summary:
          "Download progress and state per node of a ClusterBaseModel (the model-agent's ConfigMaps), its Ready and Failed nodes, and the services that use it",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'operational',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Progress',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelProgressResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/clusters/{cluster}/namespaces/{namespace}/basemodels/{name}/progress': {
      get: {
        operationId: 'getBaseModelProgress',
        tags: ['Operate'],
        summary:
          "Download progress and state per node of a BaseModel (the model-agent's ConfigMaps), its Ready and Failed nodes, and the services that use it",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        'x-ome-permission': 'operational',
        parameters: [
          {
            $ref: '#/components/parameters/cluster',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Progress',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ModelProgressResponse',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;
