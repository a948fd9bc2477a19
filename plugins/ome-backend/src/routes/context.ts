import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  KubernetesObject,
  OmeKind,
  OmeListItem,
  OmeObjectRef,
  omeKindByPlural,
  omeOpenApiSpec,
} from '@ome-console/plugin-ome-common';
import { Request, Response } from 'express';
import { NotFoundError } from '@backstage/errors';
import { OmeAuthorizer } from '../service/authorization';
import { OmeAccess } from '../service/OmeAccess';
import { AttentionService } from '../service/AttentionService';
import { WriteAuditor } from '../service/audit';
import { ClusterService } from '../service/ClusterService';
import { ImportSourceReader } from '../service/ImportSourceReader';
import { ImportService } from '../service/ImportService';
import { HubTokenSecrets } from '../service/HubTokenSecrets';
import { HuggingFaceService } from '../service/HuggingFaceService';
import { KindSchemaService } from '../service/KindSchemaService';
import { OmeResourceService } from '../service/OmeResourceService';
import { OmeResourceWriter } from '../service/OmeResourceWriter';
import { RuntimeSelectionService } from '../service/RuntimeSelectionService';

/** The router the OpenAPI document types: paths, parameters and bodies of every handler. */
export type OmeApiRouter = ApiRouter<typeof omeOpenApiSpec>;

/** What the route groups share: the services they hand requests to. */
export interface OmeRouteContext {
  httpAuth: HttpAuthService;
  authorizer: OmeAuthorizer;
  /** Reads and creates under the caller's decisions (shared with the registry's actions). */
  access: OmeAccess;
  auditor: WriteAuditor;
  clusters: ClusterService;
  resources: OmeResourceService;
  writer: OmeResourceWriter;
  importer: ImportService;
  /** Reads an import's YAML from a URL through the UrlReaderService. */
  importSources: ImportSourceReader;
  schemas: KindSchemaService;
  selection: RuntimeSelectionService;

  /** HuggingFace import (hub reads and model creation with its token Secret). */
  huggingFace: HuggingFaceService;
  /** The console's own hub-token Secrets (deleted with their model when unused). */
  hubTokens: HubTokenSecrets;
  /** For basic (non-resource) permissions such as ome.secret.create. */
  permissions: PermissionsService;
  attention: AttentionService;
}

/** The caller: a Backstage user or service (401 otherwise). */
export function credentialsOf(
  ctx: OmeRouteContext,
  req: object,
): Promise<
  BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>
> {
  return ctx.httpAuth.credentials(req as Request, {
    allow: ['user', 'service'],
  });
}

/**
 * Answers with `body`. The bodies are ome-common's wire types, whose shapes its tests hold
 * against the document; the typed router's response types (with index signatures
 * everywhere) would reject interfaces.
 */
export function reply(res: unknown, body: unknown): void {
  (res as Response).json(body);
}

/** Answers 201 with the written object. */
export function created(res: unknown, body: unknown): void {
  (res as Response).status(201).json(body);
}

/** The kind a plural path parameter names (the validator has checked it against the enum). */
export function kindOfPlural(plural: string): OmeKind {
  const info = omeKindByPlural(plural);
  if (!info) throw new NotFoundError(`No OME kind has the plural '${plural}'`);
  return info.kind;
}

/** The object a request's path parameters name. */
export function objectRefOf(params: {
  cluster: string;
  namespace?: string;
  clusterPlural?: string;
  namespacedPlural?: string;
  name: string;
}): OmeObjectRef {
  const plural = params.namespacedPlural ?? params.clusterPlural ?? '';
  return {
    cluster: params.cluster,
    kind: kindOfPlural(plural),
    ...(params.namespacedPlural && { namespace: params.namespace }),
    name: params.name,
  };
}

/** `dryRun` as the validator left it (coerced to a boolean, or still the query string). */
export function dryRunOf(query: { dryRun?: unknown }): boolean {
  return String(query.dryRun) === 'true';
}

/** A repeatable query parameter as a list (the validator may leave one value unwrapped). */
export function listOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return [...new Set((Array.isArray(value) ? value : [value]).map(String))];
}

export const asItem = (
  cluster: string,
  object: KubernetesObject,
): OmeListItem => ({ cluster, object });
