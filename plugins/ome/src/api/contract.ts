// The OME backend's HTTP contract as the frontend sees it: the operations and schemas that
// openapi-typescript generates in ome-common from the one OpenAPI document (the frontend
// never imports the backend).
import type {
  OmeApiComponents,
  OmeApiPaths,
} from '@ome-console/plugin-ome-common';

export type { OmeApiPaths as OmePaths };

/** How many objects of one kind the caller may read, per cluster and per state. @public */
export type OmeKindCounts = OmeApiComponents['schemas']['KindCounts'];

/** Answer of `GET /counts`: one entry per kind. @public */
export type OmeCountsResponse = OmeApiComponents['schemas']['CountsResponse'];

/** Answer of `GET .../clusterbasemodels/{name}/runtimes` and the BaseModel one. @public */
export type OmeModelRuntimesResponse =
  OmeApiComponents['schemas']['ModelRuntimesResponse'];

/** Answer of `GET .../clusterservingruntimes/{name}/models` and the ServingRuntime one. @public */
export type OmeRuntimeModelsResponse =
  OmeApiComponents['schemas']['RuntimeModelsResponse'];
/** Answer of the pods route of an InferenceService. @public */
export type OmePodsResponse = OmeApiComponents['schemas']['PodsResponse'];

/** Answer of the events route of an InferenceService. @public */
export type OmeEventsResponse = OmeApiComponents['schemas']['EventsResponse'];

/** Answer of a model's progress route. @public */
export type OmeModelProgressResponse =
  OmeApiComponents['schemas']['ModelProgressResponse'];
