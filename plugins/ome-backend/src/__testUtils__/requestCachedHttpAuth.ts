/*
 * Backstage's mock httpAuth (backend-test-utils), made to behave like the real one in the
 * one way the integration suites meet: the real DefaultHttpAuthService remembers a
 * request's credentials once it has authenticated it, the mock reads the Authorization
 * header again on every call. The kubernetes backend's proxy swaps that header for the
 * cluster's service-account token before its audit event asks for the caller's
 * credentials, so the mock then failed with `Unknown mock token '<the cluster token>'`,
 * and the proxy logged it ("Failed to emit proxy audit event"): the secrets sweep found
 * the clusters' tokens in those log lines. Here each request is authenticated by the
 * headers it arrived with, and an error never repeats a token.
 */
import {
  coreServices,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { IncomingMessage } from 'node:http';

type MockServices = typeof import('@backstage/backend-test-utils').mockServices;
type MockHttpAuthOptions = Parameters<MockServices['httpAuth']>[0];

/** A copy of `error` (same class) whose message does not repeat a token. */
function withoutToken(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const message = error.message.replace(/'[^']*'/g, "'<token>'");
  if (message === error.message) return error;
  const Constructor = error.constructor as new (message: string) => Error;
  return new Constructor(message);
}

/** `inner`, authenticating each request by the credentials headers it first had. */
export function requestCachedHttpAuth(inner: HttpAuthService): HttpAuthService {
  const firstSeen = new WeakMap<object, Record<string, unknown>>();
  return {
    async credentials(req, options) {
      let headers = firstSeen.get(req);
      if (!headers) {
        const { authorization, cookie } = (req as unknown as IncomingMessage)
          .headers;
        headers = { authorization, cookie };
        firstSeen.set(req, headers);
      }
      // The mock reads only the headers.
      const asArrived = {
        headers: { ...(req as unknown as IncomingMessage).headers, ...headers },
      } as unknown as typeof req;
      try {
        return await inner.credentials(asArrived, options as any);
      } catch (error) {
        throw withoutToken(error);
      }
    },
    issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
  } as HttpAuthService;
}

/** `mockServices` whose `httpAuth` (and its `.factory`) is request-cached as above. */
export function withRequestCachedHttpAuth(
  mockServices: MockServices,
): MockServices {
  const original = mockServices.httpAuth;
  const httpAuth = Object.assign(
    (options?: MockHttpAuthOptions) => requestCachedHttpAuth(original(options)),
    {
      factory: (options?: { defaultCredentials?: any }) =>
        createServiceFactory({
          service: coreServices.httpAuth,
          deps: { plugin: coreServices.pluginMetadata },
          factory: ({ plugin }) =>
            requestCachedHttpAuth(
              original({
                pluginId: plugin.getId(),
                defaultCredentials: options?.defaultCredentials,
              }),
            ),
        }),
      mock: original.mock,
    },
  );
  return { ...mockServices, httpAuth } as MockServices;
}
