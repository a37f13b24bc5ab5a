import {
  type EventName,
  type EventPayload,
  events as eventSchemas,
} from '../../../shared/ipc/events';

/** One listener sees every event; a shell that forwards them needs no per-name wiring. */
export type BusListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface EventBusOptions {
  /**
   * Check each payload against its schema at the emit site, so a wrong field
   * fails the test that caused it rather than a screen later. On by default
   * outside production builds.
   */
  validate?: boolean;
  /** Where a listener's exception goes: one broken listener must not stop the others or the core. */
  onListenerError?: (error: unknown, name: EventName) => void;
}

/**
 * The core's typed events, from where a change happens to the shell that
 * forwards them (Electron's window, the web bridge's WebSocket). Listeners
 * live in a Set, so subscribing and unsubscribing leave nothing behind.
 */
export class EventBus {
  private readonly listeners = new Set<BusListener>();
  private readonly validate: boolean;
  private readonly onListenerError: (error: unknown, name: EventName) => void;

  constructor(options: EventBusOptions = {}) {
    this.validate = options.validate ?? process.env.NODE_ENV !== 'production';
    this.onListenerError =
      options.onListenerError ??
      ((error, name) => console.error(`A listener of ${name} failed:`, error));
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (this.validate) {
      const parsed = eventSchemas[name].safeParse(payload);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => i.path.join('.') || '(payload)').join(', ');
        throw new TypeError(`Event ${name} has an invalid payload (${fields}).`);
      }
    }
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        this.onListenerError(error, name);
      }
    }
  }

  /** Returns the unsubscribe; calling it twice is harmless. */
  subscribe(listener: BusListener): () => void {
    // A wrapper makes the same function subscribable twice without one unsubscribe removing both.
    const entry: BusListener = (name, payload) => listener(name, payload);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
