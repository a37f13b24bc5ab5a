import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { i18n } from '../i18n/setup';

export interface LazyView {
  Component: LazyExoticComponent<ComponentType>;
  /** Fetches the view's code and catalogs ahead of its first use (each is only ever fetched once). */
  preload: () => Promise<unknown>;
}

/**
 * A view whose code loads when it is first shown, so the start view does not
 * wait for the others (nor Reports' chart library) to download and parse.
 * Its i18n namespaces (in the language on screen) load alongside, so the view
 * never shows its loading state a second time while a catalog arrives.
 */
export function lazyView<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  namespaces: readonly string[],
): LazyView {
  let loading: Promise<{ default: ComponentType }> | null = null;
  const once = () => {
    loading ??= Promise.all([
      load(),
      import('../ui/AriaLocale'),
      i18n.loadNamespaces([...namespaces]),
    ]).then(([module, locale]) => ({ default: locale.withAriaLocale(module[name]) }));
    return loading;
  };
  return { Component: lazy(once), preload: once };
}
