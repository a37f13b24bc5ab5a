import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export interface LazyView {
  Component: LazyExoticComponent<ComponentType>;
  /** Fetches the view's code ahead of its first use (the import is only ever made once). */
  preload: () => void;
}

/**
 * A view whose code loads when it is first shown, so the start view does not
 * wait for the others (nor Reports' chart library) to download and parse.
 */
export function lazyView<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyView {
  let loading: Promise<{ default: ComponentType }> | null = null;
  const once = () => {
    loading ??= load().then((module) => ({ default: module[name] }));
    return loading;
  };
  return { Component: lazy(once), preload: () => void once() };
}
