// The core's public face for the shells (electron/main, the CLI, the web shell).
export { CoreContext, type CoreOptions } from './context';
export { type BusListener, CoreEvents, EventBus } from './events';
export { createDispatcher, type Dispatch } from './ipc/dispatch';
export { createHandlers } from './ipc/handlers';
export { defaultDataDir } from './paths';
