// The operations of the OME backend's OpenAPI document, as openapi-typescript generates
// them in ome-common (the one source of the HTTP contract; the frontend never imports
// the backend).
export type { paths as OmePaths } from '@ome-console/plugin-ome-common';
