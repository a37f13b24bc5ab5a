export { isProviderError, ProviderError } from './errors';
export { HttpClient } from './http';
export { createAdapter } from './registry';
export type { AdapterConfig, CallOptions, ProviderAdapter } from './types';
