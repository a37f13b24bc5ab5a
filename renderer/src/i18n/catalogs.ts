import enBulk from './en/bulk.json';
import enContacts from './en/contacts.json';
import enContactsImport from './en/contactsImport.json';
import enConversations from './en/conversations.json';
import enJobs from './en/jobs.json';
import enOutbox from './en/outbox.json';
import enReports from './en/reports.json';
import enSettings from './en/settings.json';
import enSuppressions from './en/suppressions.json';
import esBulk from './es/bulk.json';
import esContacts from './es/contacts.json';
import esContactsImport from './es/contactsImport.json';
import esConversations from './es/conversations.json';
import esJobs from './es/jobs.json';
import esOutbox from './es/outbox.json';
import esReports from './es/reports.json';
import esSettings from './es/settings.json';
import esSuppressions from './es/suppressions.json';
import { startResources } from './start-catalogs';

/**
 * Every catalog at once, for tests and checks in Node. The app itself never
 * imports this file: it bundles only the start namespaces (start-catalogs.ts)
 * and fetches the rest on demand (lazy-catalogs.ts).
 * One namespace per feature, plus `common` (shell, shared widgets) and `core` (the core's sentences).
 */
export const resources = {
  en: {
    ...startResources.en,
    outbox: enOutbox,
    conversations: enConversations,
    contacts: enContacts,
    contactsImport: enContactsImport,
    settings: enSettings,
    bulk: enBulk,
    jobs: enJobs,
    reports: enReports,
    suppressions: enSuppressions,
  },
  es: {
    ...startResources.es,
    outbox: esOutbox,
    conversations: esConversations,
    contacts: esContacts,
    contactsImport: esContactsImport,
    settings: esSettings,
    bulk: esBulk,
    jobs: esJobs,
    reports: esReports,
    suppressions: esSuppressions,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof typeof resources.en)[];
