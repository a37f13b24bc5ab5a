import Store from 'electron-store';

/** Where the window was, so the app opens where the person left it. Never secrets. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface Preferences {
  window: WindowBounds;
}

const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 800, maximized: false };

let store: Store<Preferences> | undefined;

function preferences(): Store<Preferences> {
  store ??= new Store<Preferences>({ name: 'preferences', defaults: { window: DEFAULT_BOUNDS } });
  return store;
}

export function loadWindowBounds(): WindowBounds {
  const saved = preferences().get('window');
  // A corrupt or hand-edited file must not open a 0×0 window.
  return saved.width >= 400 && saved.height >= 300 ? saved : DEFAULT_BOUNDS;
}

export function saveWindowBounds(bounds: WindowBounds): void {
  preferences().set('window', bounds);
}
