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
    /** Create or update the OME objects (and Namespaces) of a multi-document YAML: all or nothing, a result per document; Secrets refused */
    post: operations['importYaml'];
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
}
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export interface components {
  schemas: {
    /** @enum {string} */
    Kind:
      | 'ClusterBaseModel'
      | 'BaseModel'
      | 'ClusterServingRuntime'
      | 'ServingRuntime'
      | 'InferenceService'
      | 'AcceleratorClass'
      | 'BenchmarkJob'
      | 'FineTunedWeight';
    /** @enum {string} */
    Plural:
      | 'clusterbasemodels'
      | 'basemodels'
      | 'clusterservingruntimes'
      | 'servingruntimes'
      | 'inferenceservices'
      | 'acceleratorclasses'
      | 'benchmarkjobs'
      | 'finetunedweights';
    /** @enum {string} */
    ClusterScopedPlural:
      | 'clusterbasemodels'
      | 'clusterservingruntimes'
      | 'acceleratorclasses'
      | 'finetunedweights';
    /** @enum {string} */
    NamespacedPlural:
      | 'basemodels'
      | 'servingruntimes'
      | 'inferenceservices'
      | 'benchmarkjobs';
    JsonObject: {
      [key: string]: unknown;
    };
    /** @description Any Kubernetes object. Fields the console does not know are kept as they are. */
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
    /** @description What the caller may do with one object */
    ItemActions: {
      update: boolean;
      delete: boolean;
    };
    /** @description One object, tagged with the cluster it came from */
    ListItem: {
      cluster: string;
      object: components['schemas']['KubernetesObject'];
      actions?: components['schemas']['ItemActions'];
    };
    /** @description Why a cluster contributed nothing (or not everything) to an answer */
    ClusterError: {
      cluster: string;
      /** @enum {string} */
      reason: 'unreachable' | 'forbidden' | 'not-installed' | 'error';
      message: string;
      statusCode?: number;
    };
    /** @description Figures over the whole filtered list (before paging) */
    ListStats: {
      total: number;
      byCluster: {
        [key: string]: number;
      };
      /** @description Count per state as `omeObjectState` derives it (e.g. Ready, Failed, Unknown) */
      byState: {
        [key: string]: number;
      };
    };
    ListResponse: {
      items: components['schemas']['ListItem'][];
      /** @description Items matching the filters in all asked clusters, before paging */
      totalCount: number;
      offset: number;
      limit?: number;
      stats: components['schemas']['ListStats'];
      errors: components['schemas']['ClusterError'][];
      /** @description Clusters where the kind's CRD is not installed */
      notInstalled: string[];
    };
    /** @description How many objects of one kind the caller may read, per cluster and per state */
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
    KindAvailability: {
      kind: components['schemas']['Kind'];
      installed: boolean;
      /** @description Served versions of the `ome.io` group that include the kind */
      versions: string[];
    };
    ClusterInfo: {
      name: string;
      /** @description The cluster's title in the kubernetes backend's config, if any */
      title?: string;
      reachable: boolean;
      /** @description The apiserver's gitVersion when reachable */
      version?: string;
      error?: string;
      kinds?: components['schemas']['KindAvailability'][];
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
    /** @description The JSON schema of a kind as a cluster serves it (its CRD's openAPIV3Schema) */
    KindSchema: {
      cluster: string;
      kind: components['schemas']['Kind'];
      /** @description The CRD version the schema belongs to, e.g. v1beta1 */
      version: string;
      schema: components['schemas']['JsonObject'];
    };
    /** @description One JSON patch (RFC 6902) operation, with the value it replaces for display */
    PatchOperation: {
      /** @enum {string} */
      op: 'add' | 'remove' | 'replace';
      /** @description JSON pointer, e.g. `/spec/engine/minReplicas` */
      path: string;
      value?: unknown;
      /** @description The value before the change (for `remove` and `replace`) */
      oldValue?: unknown;
    };
    /** @description Answer of a create, update, clone or delete (also with dryRun): the object as the cluster answered (redacted), what changed against the live object, and warnings */
    WriteResult: {
      cluster: string;
      object: components['schemas']['KubernetesObject'];
      changed: boolean;
      dryRun: boolean;
      patch: components['schemas']['PatchOperation'][];
      warnings: string[];
    };
    CloneRequest: {
      /** @description Name of the copy */
      name: string;
      /** @description Target cluster (the source's by default) */
      cluster?: string;
      /** @description Target namespace of a namespaced kind (the source's by default) */
      namespace?: string;
    };
    CreateDecision: {
      allowed: boolean;
      /** @description The policy decided with conditions (e.g. only some namespaces) */
      conditional: boolean;
      /** @description Why not, when not allowed */
      reason?: string;
    };
    ImportRequest: {
      cluster: string;
      /** @description Namespace for namespaced documents that name none */
      namespace?: string;
      /** @description One or more YAML (or JSON) documents separated by `---` */
      yaml: string;
    };
    /** @description A field-level problem; `path` is dotted, e.g. `spec.engine.minReplicas` */
    FieldError: {
      path: string;
      message: string;
    };
    ImportDocumentResult: {
      /** @description 0-based index of the document in the YAML */
      index: number;
      kind?: string;
      name?: string;
      namespace?: string;
      /**
       * @description `valid`: would be created or updated (dry run, or not applied because another document failed); `rolled-back`: created, then deleted again because a later document failed
       * @enum {string}
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
    /** @description All documents are applied, or none */
    ImportResponse: {
      cluster: string;
      dryRun: boolean;
      applied: boolean;
      results: components['schemas']['ImportDocumentResult'][];
    };
    ErrorDetails: {
      fieldErrors?: components['schemas']['FieldError'][];
      /**
       * @description `schema`: rejected by the CRD's OpenAPI schema (or ome-common's); `admission`: by an admission policy or webhook
       * @enum {string}
       */
      rejectedBy?: 'schema' | 'admission';
      live?: components['schemas']['KubernetesObject'];
      warnings?: string[];
      cluster?: string;
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
    /** @description Backstage's error body, with OME details (fieldErrors, rejectedBy, live, warnings, cluster) where they apply */
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
    /** @description Cluster name as the kubernetes backend knows it */
    cluster: string;
    /** @description Namespace */
    namespace: string;
    /** @description Object name */
    name: string;
    /** @description Plural resource name of an OME kind */
    plural: components['schemas']['Plural'];
    /** @description Plural resource name of a cluster-scoped OME kind */
    clusterPlural: components['schemas']['ClusterScopedPlural'];
    /** @description Plural resource name of a namespaced OME kind */
    namespacedPlural: components['schemas']['NamespacedPlural'];
    /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
    dryRun: boolean;
    /** @description Delete only if the object is still at this version (else 409) */
    resourceVersion: string;
    /** @description Only these clusters (repeatable; all by default) */
    clusters: string[];
    /** @description Only these namespaces (repeatable; namespaced kinds) */
    namespaces: string[];
    /** @description A Kubernetes label selector, e.g. `team=a,tier!=gpu` */
    labelSelector: string;
    /** @description Case-insensitive substring of name, namespace or the kind's summary columns */
    search: string;
    /** @description A column id of the kind (ome-common's `omeColumns`); `name` by default */
    sort: string;
    order: 'asc' | 'desc';
    /** @description Index of the first item of the page (0 by default) */
    offset: number;
    /** @description Page size (all items when absent) */
    limit: number;
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
      /** @description ok */
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
      /** @description The OpenAPI document */
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
      /** @description Clusters */
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
        /** @description Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Namespaces */
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
        /** @description Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The counts, one entry per kind */
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
  getCreateDecision: {
    parameters: {
      query: {
        kind: components['schemas']['Kind'];
        cluster: string;
        /** @description Namespace (namespaced kinds only; required for them) */
        namespace?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The decision */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
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
      /** @description Per-document results */
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
  listResources: {
    parameters: {
      query?: {
        /** @description Only these clusters (repeatable; all by default) */
        cluster?: components['parameters']['clusters'];
        /** @description Only these namespaces (repeatable; namespaced kinds) */
        namespace?: components['parameters']['namespaces'];
        /** @description A Kubernetes label selector, e.g. `team=a,tier!=gpu` */
        labelSelector?: components['parameters']['labelSelector'];
        /** @description Case-insensitive substring of name, namespace or the kind's summary columns */
        search?: components['parameters']['search'];
        /** @description A column id of the kind (ome-common's `omeColumns`); `name` by default */
        sort?: components['parameters']['sort'];
        order?: components['parameters']['order'];
        /** @description Index of the first item of the page (0 by default) */
        offset?: components['parameters']['offset'];
        /** @description Page size (all items when absent) */
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        /** @description Plural resource name of an OME kind */
        plural: components['parameters']['plural'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page */
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
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Plural resource name of an OME kind */
        plural: components['parameters']['plural'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The schema */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Plural resource name of a cluster-scoped OME kind */
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
      /** @description Created (or, dry run, would be) */
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
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** @description Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The object */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** @description Object name */
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
      /** @description Updated, unchanged or (dry run) the would-be result */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
        /** @description Delete only if the object is still at this version (else 409) */
        resourceVersion?: components['parameters']['resourceVersion'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** @description Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted (or, dry run, would be) */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Plural resource name of a cluster-scoped OME kind */
        clusterPlural: components['parameters']['clusterPlural'];
        /** @description Object name */
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
      /** @description The copy (or, dry run, what it would be) */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Namespace */
        namespace: components['parameters']['namespace'];
        /** @description Plural resource name of a namespaced OME kind */
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
      /** @description Created (or, dry run, would be) */
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
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Namespace */
        namespace: components['parameters']['namespace'];
        /** @description Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** @description Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The object */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Namespace */
        namespace: components['parameters']['namespace'];
        /** @description Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** @description Object name */
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
      /** @description Updated, unchanged or (dry run) the would-be result */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
        /** @description Delete only if the object is still at this version (else 409) */
        resourceVersion?: components['parameters']['resourceVersion'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Namespace */
        namespace: components['parameters']['namespace'];
        /** @description Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** @description Object name */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted (or, dry run, would be) */
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
        /** @description `true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the changes against the live object and warnings; nothing is written. */
        dryRun?: components['parameters']['dryRun'];
      };
      header?: never;
      path: {
        /** @description Cluster name as the kubernetes backend knows it */
        cluster: components['parameters']['cluster'];
        /** @description Namespace */
        namespace: components['parameters']['namespace'];
        /** @description Plural resource name of a namespaced OME kind */
        namespacedPlural: components['parameters']['namespacedPlural'];
        /** @description Object name */
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
      /** @description The copy (or, dry run, what it would be) */
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
}
