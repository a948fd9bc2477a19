// GENERATED FILE: do not edit. The source is openapi.yaml beside this file;
// regenerate with `yarn openapi:generate` (scripts/openapi-generate.mjs).
/* eslint-disable */
/** @public */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness (no credentials needed) */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Clusters with reachability, version and the OME kinds (and versions) each serves */
    get: operations['listClusters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/namespaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Namespaces of every cluster (or of the given ones), with labels */
    get: operations['listNamespaces'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per kind, per cluster and per state, how many objects the caller may read (filtered by the read decision exactly like the lists) */
    get: operations['getCounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The change stream of one browser tab (server-sent events): every added, modified or deleted object of the subscribed kinds, clusters and namespaces that the caller may read (the read decision of the lists; an object leaving the caller's scope arrives as a delete), coalesced per object
     * Events: `ready` (first; its id is the starting position), `change` (data:
     *     `{type, cluster, kind, object}`), `reset` (refetch everything shown: the
     *     `Last-Event-ID` is from another replica or older than the replay window) and
     *     `heartbeat` (every 15 s, advancing the position). Each id carries this process's
     *     instance id, a sequence number and the resourceVersion of every cluster.
     *     Reconnecting with `Last-Event-ID` gives exactly the changes missed since that id.
     *     To follow other kinds, a tab opens a new stream (with its last id) and closes the
     *     old one. Not compressed (`Cache-Control: no-transform`), flushed per event.
     */
    get: operations['streamChanges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/attention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The dashboard's "needs attention" list: failed models, services not ready (with OME's reason), disabled runtimes still named by a service, accelerators without capacity. Computed only over the objects the caller may read (the read decision exactly like the lists), so no entry names anything else. */
    get: operations['getAttention'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/permissions/create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** May the caller create an object of this kind here? Answers the caller's create decision (200 with allowed false, never 403), for showing or hiding create actions. A decision with conditions on the object's own labels is made again on the object itself when it is created. */
    get: operations['getCreateDecision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create or update the OME objects (and Namespaces) of a multi-document YAML, pasted or read from a URL: all or nothing, a result per document; Secrets refused */
    post: operations['importYaml'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/huggingface/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the configured model hub (`ome.huggingFace.baseUrl`) by model id. Decided by read: it shows nothing of any cluster, but is part of the console */
    get: operations['searchHuggingFaceModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/huggingface/inspect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** One hub model's card details and what its config.json and files say in OME's terms (format, architecture, parameter size, context length, quantization, licence). A POST so that a token never travels in a URL; writes nothing */
    post: operations['inspectHuggingFaceModel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/huggingface/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a ClusterBaseModel or BaseModel for a hub model (storage `hf://...`), with a token Secret for gated models created with it (the Secret needs ome.secret.create as well). All or nothing */
    post: operations['importHuggingFaceModel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/{plural}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the objects of a kind across clusters (filtered, sorted and paged after permission filtering) */
    get: operations['listResources'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/schemas/{plural}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The JSON schema of a kind as the cluster serves it (the CRD's openAPIV3Schema of ome.io/v1beta1); 404 when the kind is not installed there */
    get: operations['getKindSchema'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/{clusterPlural}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a cluster-scoped object */
    post: operations['createClusterScopedResource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/{clusterPlural}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one cluster-scoped object (secrets redacted) */
    get: operations['getClusterScopedResource'];
    /** Update a cluster-scoped object: the edited object with the resourceVersion it was read at; only the fields that differ from the live object change (409 when stale) */
    put: operations['updateClusterScopedResource'];
    post?: never;
    /** Delete a cluster-scoped object */
    delete: operations['deleteClusterScopedResource'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/{clusterPlural}/{name}/clone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Copy a cluster-scoped object under a new name (optionally to another cluster) */
    post: operations['cloneClusterScopedResource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a namespaced object */
    post: operations['createNamespacedResource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one namespaced object (secrets redacted) */
    get: operations['getNamespacedResource'];
    /** Update a namespaced object: the edited object with the resourceVersion it was read at; only the fields that differ from the live object change (409 when stale) */
    put: operations['updateNamespacedResource'];
    post?: never;
    /** Delete a namespaced object */
    delete: operations['deleteNamespacedResource'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}/clone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Copy a namespaced object under a new name (optionally to another cluster or namespace) */
    post: operations['cloneNamespacedResource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/clusterbasemodels/{name}/runtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The runtimes OME would pick from for a ClusterBaseModel, ranked, with reasons */
    get: operations['getClusterBaseModelRuntimes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/basemodels/{name}/runtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The runtimes OME would pick from for a BaseModel, ranked, with reasons */
    get: operations['getBaseModelRuntimes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/clusterservingruntimes/{name}/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The models a ClusterServingRuntime can serve, and which of them OME would give it */
    get: operations['getClusterServingRuntimeModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/servingruntimes/{name}/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The models a ServingRuntime can serve, and which of them OME would give it */
    get: operations['getServingRuntimeModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/pods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The pods behind an InferenceService's components (OME's labels), summarised */
    get: operations['listInferenceServicePods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kubernetes events of an InferenceService and of its pods, newest first */
    get: operations['listInferenceServiceEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/pods/{pod}/log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A container's log of one pod of the InferenceService (404 for a pod that is not one of its pods), as plain text; with `follow=true` streamed until the client leaves */
    get: operations['getInferenceServicePodLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/clusterbasemodels/{name}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download progress and state per node of a ClusterBaseModel (the model-agent's ConfigMaps), its Ready and Failed nodes, and the services that use it */
    get: operations['getClusterBaseModelProgress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{cluster}/namespaces/{namespace}/basemodels/{name}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download progress and state per node of a BaseModel (the model-agent's ConfigMaps), its Ready and Failed nodes, and the services that use it */
    get: operations['getBaseModelProgress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export interface components {
  schemas: {
    Kind:
      | 'ClusterBaseModel'
      | 'BaseModel'
      | 'ClusterServingRuntime'
      | 'ServingRuntime'
      | 'InferenceService'
      | 'AcceleratorClass'
      | 'BenchmarkJob'
      | 'FineTunedWeight';
    Plural:
      | 'clusterbasemodels'
      | 'basemodels'
      | 'clusterservingruntimes'
      | 'servingruntimes'
      | 'inferenceservices'
      | 'acceleratorclasses'
      | 'benchmarkjobs'
      | 'finetunedweights';
    ClusterScopedPlural:
      | 'clusterbasemodels'
      | 'clusterservingruntimes'
      | 'acceleratorclasses'
      | 'finetunedweights';
    NamespacedPlural:
      | 'basemodels'
      | 'servingruntimes'
      | 'inferenceservices'
      | 'benchmarkjobs';
    JsonObject: {
      [key: string]: unknown;
    };
    /** Any Kubernetes object. Fields the console does not know are kept as they are. */
    KubernetesObject: {
      apiVersion: string;
      kind: string;
      metadata: {
        [key: string]: unknown;
      };
      spec?: {
        [key: string]: unknown;
      };
      status?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** What the caller may do with one object */
    ItemActions: {
      update: boolean;
      delete: boolean;
    };
    /** One object, tagged with the cluster it came from */
    ListItem: {
      cluster: string;
      object: components['schemas']['KubernetesObject'];
      actions?: components['schemas']['ItemActions'];
    };
    /** Why a cluster contributed nothing (or not everything) to an answer */
    ClusterError: {
      cluster: string;
      reason: 'unreachable' | 'forbidden' | 'not-installed' | 'error';
      message: string;
      statusCode?: number;
      /**
       * Format: date-time
       * Set when the cluster is down and the answer still holds its cached objects: when the cluster last answered (the data is as of then)
       */
      staleSince?: string;
      /** With `staleSince`, how old the cached data served is, in seconds */
      dataAgeSeconds?: number;
    };
    /** Figures over the whole filtered list (before paging) */
    ListStats: {
      total: number;
      byCluster: {
        [key: string]: number;
      };
      /** Count per state as `omeObjectState` derives it (e.g. Ready, Failed, Unknown) */
      byState: {
        [key: string]: number;
      };
    };
    ListResponse: {
      items: components['schemas']['ListItem'][];
      /** Items matching the filters in all asked clusters, before paging */
      totalCount: number;
      offset: number;
      limit?: number;
      stats: components['schemas']['ListStats'];
      errors: components['schemas']['ClusterError'][];
      /** Clusters where the kind's CRD is not installed */
      notInstalled: string[];
    };
    /** How many objects of one kind the caller may read, per cluster and per state */
    KindCounts: {
      kind: components['schemas']['Kind'];
      total: number;
      byState: {
        [key: string]: number;
      };
      byCluster: {
        [key: string]: {
          total: number;
          byState: {
            [key: string]: number;
          };
        };
      };
      errors: components['schemas']['ClusterError'][];
      notInstalled: string[];
    };
    CountsResponse: {
      items: components['schemas']['KindCounts'][];
    };
    /** Where one OME object lives */
    AttentionObjectRef: {
      cluster: string;
      kind: components['schemas']['Kind'];
      namespace?: string;
      name: string;
    };
    /** One entry of the dashboard's "needs attention" list (see ome-common's omeAttentionItems) */
    AttentionItem: {
      reason:
        | 'model-failed'
        | 'service-not-ready'
        | 'runtime-disabled-in-use'
        | 'accelerator-without-capacity';
      severity: 'error' | 'warning';
      ref: components['schemas']['AttentionObjectRef'];
      /** What is wrong, in plain words */
      summary: string;
      /** OME's own reason and message */
      detail?: string;
      /** Objects it affects (services using a disabled runtime or an accelerator without capacity) */
      related: components['schemas']['AttentionObjectRef'][];
      since?: string;
    };
    AttentionResponse: {
      items: components['schemas']['AttentionItem'][];
      /** Clusters that could not be read for some kind (their problems are missing) */
      errors: components['schemas']['ClusterError'][];
    };
    KindAvailability: {
      kind: components['schemas']['Kind'];
      installed: boolean;
      /** Served versions of the `ome.io` group that include the kind */
      versions: string[];
    };
    ClusterInfo: {
      name: string;
      /** The cluster's title in the kubernetes backend's config, if any */
      title?: string;
      reachable: boolean;
      /** The apiserver's gitVersion when reachable */
      version?: string;
      error?: string;
      kinds?: components['schemas']['KindAvailability'][];
      cache?: components['schemas']['ClusterCacheStatus'];
    };
    /** The OME backend's watch-backed cache of one cluster. `off`: not cached, reads pass through (`reason`: disabled, user-credentials, impersonation, not-started); `syncing`: the first lists are running, reads pass through; `synced`: reads come from the cache; `down`: the cluster fails, reads serve the data cached as of `staleSince` */
    ClusterCacheStatus: {
      state: 'off' | 'syncing' | 'synced' | 'down';
      reason?:
        | 'disabled'
        | 'user-credentials'
        | 'impersonation'
        | 'not-started';
      message?: string;
      /** Format: date-time */
      staleSince?: string;
      dataAgeSeconds?: number;
    };
    ClustersResponse: {
      items: components['schemas']['ClusterInfo'][];
    };
    Namespace: {
      cluster: string;
      name: string;
      labels?: {
        [key: string]: string;
      };
    };
    NamespacesResponse: {
      items: components['schemas']['Namespace'][];
      errors: components['schemas']['ClusterError'][];
    };
    /** The JSON schema of a kind as a cluster serves it (its CRD's openAPIV3Schema) */
    KindSchema: {
      cluster: string;
      kind: components['schemas']['Kind'];
      /** The CRD version the schema belongs to, e.g. v1beta1 */
      version: string;
      schema: components['schemas']['JsonObject'];
    };
    /** One JSON patch (RFC 6902) operation, with the value it replaces for display */
    PatchOperation: {
      op: 'add' | 'remove' | 'replace';
      /** JSON pointer, e.g. `/spec/engine/minReplicas` */
      path: string;
      value?: unknown;
      /** The value before the change (for `remove` and `replace`) */
      oldValue?: unknown;
    };
    /** Answer of a create, update, clone or delete (also with dryRun): the object as the cluster answered (redacted), what changed against the live object, and warnings */
    WriteResult: {
      cluster: string;
      object: components['schemas']['KubernetesObject'];
      changed: boolean;
      dryRun: boolean;
      patch: components['schemas']['PatchOperation'][];
      warnings: string[];
    };
    CloneRequest: {
      /** Name of the copy */
      name: string;
      /** Target cluster (the source's by default) */
      cluster?: string;
      /** Target namespace of a namespaced kind (the source's by default) */
      namespace?: string;
    };
    CreateDecision: {
      allowed: boolean;
      /** The policy decided with conditions (e.g. only some namespaces) */
      conditional: boolean;
      /** Why not, when not allowed */
      reason?: string;
    };
    /** The documents themselves (`yaml`) or where to read them (`url`): exactly one of the two */
    ImportRequest: {
      cluster: string;
      /** Namespace for namespaced documents that name none */
      namespace?: string;
      /** One or more YAML (or JSON) documents separated by `---` */
      yaml?: string;
      /** A URL the backend reads the documents from through Backstage's UrlReaderService, so the portal's integrations (and their credentials) and `backend.reading.allow` decide what may be read; the content itself is never sent back */
      url?: string;
    };
    /** A model of the HuggingFace hub (card details and, for one model, its files) */
    HuggingFaceModel: {
      id: string;
      author?: string;
      sha?: string;
      lastModified?: string;
      downloads?: number;
      likes?: number;
      /** false, or how the hub grants access (a token is needed either way) */
      gated: false | ('auto' | 'manual');
      private?: boolean;
      pipelineTag?: string;
      libraryName?: string;
      tags: string[];
      license?: string;
      safetensorsParameters?: number;
      files: {
        path: string;
        size?: number;
      }[];
    };
    HuggingFaceSearchResponse: {
      items: components['schemas']['HuggingFaceModel'][];
    };
    /** OME model spec fields detected from config.json and the file list, with their sources */
    HuggingFaceDetection: {
      modelFormat?: components['schemas']['JsonObject'];
      modelFramework?: components['schemas']['JsonObject'];
      modelArchitecture?: string;
      modelParameterSize?: string;
      maxTokens?: number;
      quantization?: string;
      license?: string;
      sources: {
        [key: string]: string;
      };
      notes: string[];
    };
    HuggingFaceInspectRequest: {
      /** The hub's model id, `owner/name` */
      modelId: string;
      /** Branch, tag or commit (default main) */
      revision?: string;
      /** Hub token for gated models; never answered, logged or audited */
      token?: string;
    };
    HuggingFaceInspection: {
      model: components['schemas']['HuggingFaceModel'];
      detection: components['schemas']['HuggingFaceDetection'];
      config: 'read' | 'missing' | 'refused';
      configMessage?: string;
      /** OME's storage URI, `hf://<model-id>[@<branch>]` */
      storageUri: string;
      suggestedName: string;
    };
    HuggingFaceImportRequest: {
      cluster: string;
      kind: 'ClusterBaseModel' | 'BaseModel';
      /** Namespace of a BaseModel */
      namespace?: string;
      name: string;
      modelId: string;
      revision?: string;
      /** Hub token for gated models: stored in a Secret (key `token`, named by `spec.storage.key`; namespace `ome` for a ClusterBaseModel) created with the model */
      token?: string;
    };
    HuggingFaceImportResponse: {
      model: components['schemas']['WriteResult'];
      secret?: {
        name: string;
        namespace: string;
      };
      detection: components['schemas']['HuggingFaceDetection'];
    };
    /** A field-level problem; `path` is dotted, e.g. `spec.engine.minReplicas` */
    FieldError: {
      path: string;
      message: string;
    };
    ImportDocumentResult: {
      /** 0-based index of the document in the YAML */
      index: number;
      kind?: string;
      name?: string;
      namespace?: string;
      /**
       * `valid`: would be created or updated (dry run, or not applied because another document failed); `rolled-back`: created, then deleted again, or updated, then restored as it was stored before, because a later document failed (an object someone else changed since the import wrote it is not rolled back: it keeps its outcome and the message says so)
       */
      outcome:
        | 'created'
        | 'updated'
        | 'unchanged'
        | 'valid'
        | 'refused'
        | 'failed'
        | 'rolled-back';
      message?: string;
      fieldErrors?: components['schemas']['FieldError'][];
      warnings?: string[];
    };
    /** All documents are applied, or none */
    ImportResponse: {
      cluster: string;
      dryRun: boolean;
      applied: boolean;
      results: components['schemas']['ImportDocumentResult'][];
    };
    PodSummary: {
      name: string;
      namespace: string;
      /** OME's `component` label (engine, decoder, router) */
      component?: string;
      /** Pod phase, or a container's waiting reason such as CrashLoopBackOff */
      phase: string;
      /** "ready containers/containers" */
      ready: string;
      restarts: number;
      node?: string;
      containers: string[];
      initContainers: string[];
      /** Why it is not running (the scheduler's message for a pending pod) */
      reason?: string;
      startTime?: string;
    };
    PodsResponse: {
      items: components['schemas']['PodSummary'][];
    };
    EventSummary: {
      type: string;
      reason: string;
      message: string;
      /** Kind/name of the object the event is about */
      object: string;
      count: number;
      last?: string;
      source?: string;
    };
    EventsResponse: {
      items: components['schemas']['EventSummary'][];
    };
    ModelNodeReport: {
      node: string;
      state: 'Ready' | 'Updating' | 'Failed' | 'Deleted' | 'Unknown';
      progress?: {
        phase?: string;
        totalBytes?: number;
        completedBytes?: number;
        totalFiles?: number;
        completedFiles?: number;
        speedBytesPerSec?: number;
        lastUpdated?: string;
        fraction?: number;
      };
    };
    ModelProgressResponse: {
      /** The model-agent's report per node (its ConfigMaps in OME's namespace) */
      nodes: components['schemas']['ModelNodeReport'][];
      /** status.nodesReady of the model */
      nodesReady: string[];
      nodesFailed: string[];
      /** The InferenceServices of this cluster that use the model (those the caller may read) */
      services: {
        namespace: string;
        name: string;
        ready?: string;
      }[];
      /** Why the model-agent's ConfigMaps could not be read (the rest is still answered) */
      agentError?: string;
    };
    ErrorDetails: {
      fieldErrors?: components['schemas']['FieldError'][];
      /**
       * `schema`: rejected by the CRD's OpenAPI schema (or ome-common's); `admission`: by an admission policy or webhook
       */
      rejectedBy?: 'schema' | 'admission';
      live?: components['schemas']['KubernetesObject'];
      warnings?: string[];
      cluster?: string;
    };
    /** Why a runtime is not the one OME picks (code in the order OME checks), in plain words */
    RuntimeExclusion: {
      code: string;
      message: string;
    };
    /** One runtime as OME's selection sees it for a model */
    RuntimeCandidate: {
      name: string;
      /** Set for a namespaced ServingRuntime */
      namespace?: string;
      isCluster: boolean;
      /** OME's score (weights times priority); 0 where not compatible */
      score: number;
      /** The runtime can serve the model (named explicitly, at least) */
      compatible: boolean;
      /** OME would consider it for automatic selection */
      selectable: boolean;
      /** 1-based place among the selectable runtimes; 1 is the winner */
      rank?: number;
      reason?: components['schemas']['RuntimeExclusion'];
    };
    /** The runtimes OME would consider for a model, ranked, with the first reason each other one is excluded. Selection runs over every runtime of the cluster, as OME's does; the answer lists only those the caller may read and counts the others. */
    ModelRuntimesResponse: {
      cluster: string;
      /** The namespace the service would live in (namespaced runtimes elsewhere are not seen) */
      namespace?: string;
      winner?: components['schemas']['RuntimeCandidate'];
      /** OME would pick a runtime the caller may not read (it is not named) */
      winnerHidden: boolean;
      candidates: components['schemas']['RuntimeCandidate'][];
      /** Model fields selection depends on that OME's model-agent has not filled in yet */
      unknownModelFields: (
        | 'modelFormat'
        | 'modelArchitecture'
        | 'modelFramework'
        | 'modelParameterSize'
      )[];
      modelProblem?: components['schemas']['RuntimeExclusion'];
      /** Runtimes that took part but that the caller may not read */
      hiddenRuntimes: number;
      errors: components['schemas']['ClusterError'][];
    };
    /** One model and how a given runtime fares for it */
    RuntimeModelMatch: {
      kind: 'ClusterBaseModel' | 'BaseModel';
      name: string;
      namespace?: string;
      /** The runtime can serve the model (named explicitly, at least) */
      compatible: boolean;
      /** OME picks this runtime for the model when the service names none */
      selected: boolean;
      rank?: number;
      reason?: components['schemas']['RuntimeExclusion'];
      unknownModelFields: string[];
    };
    /** The models a runtime can serve (compatible first), and for each whether OME would pick it automatically. Lists only models the caller may read and counts the others. */
    RuntimeModelsResponse: {
      cluster: string;
      models: components['schemas']['RuntimeModelMatch'][];
      hiddenModels: number;
      errors: components['schemas']['ClusterError'][];
    };
    Error: {
      error: {
        name: string;
        message: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response: {
        statusCode: number;
      };
      details?: components['schemas']['ErrorDetails'];
    };
  };
  responses: {
    /** Backstage's error body, with OME details (fieldErrors, rejectedBy, live, warnings, cluster) where they apply */
    Error: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** Cluster name as the kubernetes backend knows it */
    cluster: string;
    /** Namespace */
    namespace: string;
    /** Object name */
    name: string;
    /** Plural resource name of an OME kind */
    plural: components['schemas']['Plural'];
    /** Plural resource name of a cluster-scoped OME kind */
    clusterPlural: components['schemas']['ClusterScopedPlural'];
    /** Plural resource name of a namespaced OME kind */
    namespacedPlural: components['schemas']['NamespacedPlural'];
    /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
    dryRun: boolean;
    /** Delete only if the object is still at this version (else 409) */
    resourceVersion: string;
    /** Only these clusters (repeatable; all by default) */
    clusters: string[];
    /** Only these namespaces (repeatable; namespaced kinds) */
    namespaces: string[];
    /** A Kubernetes label selector, e.g. `team=a,tier!=gpu` */
    labelSelector: string;
    /** Case-insensitive substring of name, namespace or the kind's summary columns */
    search: string;
    /** A column id of the kind (ome-common's `omeColumns`); `name` by default */
    sort: string;
    order: 'asc' | 'desc';
    /** Index of the first item of the page (0 by default) */
    offset: number;
    /** Page size (all items when absent) */
    limit: number;
    /** The namespace the InferenceService would live in: its ServingRuntimes take part (default: the model's namespace; for a cluster model, none) */
    selectionNamespace: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
/** @public */
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: string;
          };
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The OpenAPI document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JsonObject'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  listClusters: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Clusters */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClustersResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  listNamespaces: {
    parameters: {
      query?: {
        /** Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Namespaces */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NamespacesResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getCounts: {
    parameters: {
      query?: {
        /** Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The counts, one entry per kind */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CountsResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  streamChanges: {
    parameters: {
      query?: {
        /** Only these kinds, by plural (repeatable; all by default) */
        kind?: components['schemas']['Plural'][];
        /** Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
        /** Only these namespaces (repeatable; namespaced kinds) */
        namespace?: components['parameters']['namespaces'];
      };
      header?: {
        /** The id of the last event the client received (resume after it) */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** A server-sent event stream that stays open */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      default: components['responses']['Error'];
    };
  };
  getAttention: {
    parameters: {
      query?: {
        /** Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The entries, errors first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttentionResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getCreateDecision: {
    parameters: {
      query: {
        kind: components['schemas']['Kind'];
        cluster: string;
        /** Namespace (namespaced kinds only; required for them) */
        namespace?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The decision */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateDecision'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  importYaml: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportRequest'];
      };
    };
    responses: {
      /** Per-document results */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  searchHuggingFaceModels: {
    parameters: {
      query: {
        search: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Matching models */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HuggingFaceSearchResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  inspectHuggingFaceModel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HuggingFaceInspectRequest'];
      };
    };
    responses: {
      /** The model and the detection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HuggingFaceInspection'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  importHuggingFaceModel: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HuggingFaceImportRequest'];
      };
    };
    responses: {
      /** Created (or, dry run, would be) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HuggingFaceImportResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  listResources: {
    parameters: {
      query?: {
        /** Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
        /** Only these namespaces (repeatable; namespaced kinds) */
        namespace?: components['parameters']['namespaces'];
        /** A Kubernetes label selector, e.g. `team=a,tier!=gpu` */
        labelSelector?: components['parameters']['labelSelector'];
        /** Case-insensitive substring of name, namespace or the kind's summary columns */
        search?: components['parameters']['search'];
        /** A column id of the kind (ome-common's `omeColumns`); `name` by default */
        sort?: components['parameters']['sort'];
        order?: components['parameters']['order'];
        /** Index of the first item of the page (0 by default) */
        offset?: components['parameters']['offset'];
        /** Page size (all items when absent) */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** Plural resource name of an OME kind */
        plural: components['parameters']['plural'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getKindSchema: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Plural resource name of an OME kind */
        plural: components['parameters']['plural'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The schema */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KindSchema'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  createClusterScopedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['KubernetesObject'];
      };
    };
    responses: {
      /** Created (or, dry run, would be) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getClusterScopedResource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The object */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListItem'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  updateClusterScopedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['KubernetesObject'];
      };
    };
    responses: {
      /** Updated, unchanged or (dry run) the would-be result */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  deleteClusterScopedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
        /** Delete only if the object is still at this version (else 409) */
        resourceVersion?: components['parameters']['resourceVersion'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Deleted (or, dry run, would be) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  cloneClusterScopedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloneRequest'];
      };
    };
    responses: {
      /** The copy (or, dry run, what it would be) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  createNamespacedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['KubernetesObject'];
      };
    };
    responses: {
      /** Created (or, dry run, would be) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getNamespacedResource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The object */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListItem'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  updateNamespacedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['KubernetesObject'];
      };
    };
    responses: {
      /** Updated, unchanged or (dry run) the would-be result */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  deleteNamespacedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
        /** Delete only if the object is still at this version (else 409) */
        resourceVersion?: components['parameters']['resourceVersion'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Deleted (or, dry run, would be) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  cloneNamespacedResource: {
    parameters: {
      query?: {
        /** `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloneRequest'];
      };
    };
    responses: {
      /** The copy (or, dry run, what it would be) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteResult'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getClusterBaseModelRuntimes: {
    parameters: {
      query?: {
        /** The namespace the InferenceService would live in: its ServingRuntimes take part (default: the model's namespace; for a cluster model, none) */
        namespace?: components['parameters']['selectionNamespace'];
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Ranked runtimes and reasons */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelRuntimesResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getBaseModelRuntimes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Ranked runtimes and reasons */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelRuntimesResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getClusterServingRuntimeModels: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Models and how the runtime fares for each */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuntimeModelsResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getServingRuntimeModels: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Models and how the runtime fares for each */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuntimeModelsResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  listInferenceServicePods: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The pods */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PodsResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  listInferenceServiceEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventsResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getInferenceServicePodLog: {
    parameters: {
      query?: {
        /** Container name (the pod's first container by default) */
        container?: string;
        /** Only the last lines (200 by default) */
        tailLines?: number;
        /** Keep the response open and stream new lines */
        follow?: boolean;
        /** Prefix every line with its RFC 3339 time */
        timestamps?: boolean;
        /** The log of the previous (crashed) instance of the container */
        previous?: boolean;
      };
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Object name */
        name: components['parameters']['name'];
        /** Pod name */
        pod: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The log lines */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      default: components['responses']['Error'];
    };
  };
  getClusterBaseModelProgress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Progress */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelProgressResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
  getBaseModelProgress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** Namespace */
        namespace: components['parameters']['namespace'];
        /** Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Progress */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelProgressResponse'];
        };
      };
      default: components['responses']['Error'];
    };
  };
}
