import type { BackendModule, ResourceKey } from 'i18next';
import type { Language } from './languages';

type Loader = () => Promise<{ default: ResourceKey }>;

/**
 * The namespaces that are not needed for the first frame, one chunk per
 * language and namespace, fetched when a view that uses them opens (or is
 * preloaded): a person reading Spanish never downloads the English outbox.
 */
const LOADERS: Record<Language, Record<string, Loader>> = {
  en: {
    bulk: () => import('./en/bulk.json'),
    contacts: () => import('./en/contacts.json'),
    contactsImport: () => import('./en/contactsImport.json'),
    conversations: () => import('./en/conversations.json'),
    jobs: () => import('./en/jobs.json'),
    outbox: () => import('./en/outbox.json'),
    reports: () => import('./en/reports.json'),
    settings: () => import('./en/settings.json'),
    suppressions: () => import('./en/suppressions.json'),
  },
  es: {
    bulk: () => import('./es/bulk.json'),
    contacts: () => import('./es/contacts.json'),
    contactsImport: () => import('./es/contactsImport.json'),
    conversations: () => import('./es/conversations.json'),
    jobs: () => import('./es/jobs.json'),
    outbox: () => import('./es/outbox.json'),
    reports: () => import('./es/reports.json'),
    settings: () => import('./es/settings.json'),
    suppressions: () => import('./es/suppressions.json'),
  },
};

export const LAZY_NAMESPACES = Object.keys(LOADERS.en);

/** i18next's loading step for the namespaces above; an unknown language or namespace is an error it reports. */
export const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = LOADERS[language as Language]?.[namespace];
    if (!load) {
      callback(new Error(`No "${namespace}" catalog for language "${language}".`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
