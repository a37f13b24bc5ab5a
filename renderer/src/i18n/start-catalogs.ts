import enCommon from './en/common.json';
import enCompose from './en/compose.json';
import enCore from './en/core.json';
import esCommon from './es/common.json';
import esCompose from './es/compose.json';
import esCore from './es/core.json';

/**
 * The namespaces the start view needs for its first frame, in both languages
 * (the saved language arrives from the core after the first render, so both
 * must be at hand): the shell and shared widgets (`common`), Compose
 * (`compose`) and the core's sentences (`core`). Every other namespace is
 * fetched with the view that uses it (lazy-catalogs.ts).
 */
export const startResources = {
  en: { common: enCommon, compose: enCompose, core: enCore },
  es: { common: esCommon, compose: esCompose, core: esCore },
} as const;

export type StartNamespace = keyof typeof startResources.en;
export const START_NAMESPACES = Object.keys(startResources.en) as StartNamespace[];
