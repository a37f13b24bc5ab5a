// Typed events from the core to the shells (see docs/ARCHITECTURE.md, "Events").
export { type BusListener, EventBus, type EventBusOptions } from './bus';
export { CoreEvents, EVENT_INTERVAL_MS } from './core-events';
export { attachEvents, detachEvents, type EventSink, eventsOf } from './sink';
export { KeyedThrottle } from './throttle';
