import { ProviderError } from '../../../electron/core/providers/errors';
import { createAdapter } from '../../../electron/core/providers/registry';
import type { AdapterConfig, ProviderAdapter } from '../../../electron/core/providers/types';
import type { SandboxApis } from '../../../electron/sandbox/index';

/** Adapter for one of the sandbox's APIs, with short timeouts for tests. */
export function adapterFor(
  apis: SandboxApis,
  provider: AdapterConfig['provider'],
  over: Partial<AdapterConfig> = {},
): ProviderAdapter {
  const timeouts = { headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, totalTimeoutMs: 10_000 };
  switch (provider) {
    case 'nrs':
      return createAdapter({
        provider,
        baseUrl: apis.nrs.baseUrl,
        username: apis.nrs.username,
        secret: apis.nrs.password,
        ...timeouts,
        ...over,
      });
    case 'action':
      return createAdapter({
        provider,
        baseUrl: apis.action.baseUrl,
        secret: apis.action.secretKey,
        ...timeouts,
        ...over,
      });
    case 'addressbook':
      return createAdapter({
        provider,
        baseUrl: apis.addressbook.baseUrl,
        secret: apis.addressbook.token,
        ...timeouts,
        ...over,
      });
    case 'tags':
      return createAdapter({
        provider,
        baseUrl: apis.tags.baseUrl,
        secret: apis.tags.apiKey,
        ...timeouts,
        ...over,
      });
  }
}

/** The ProviderError a call rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
