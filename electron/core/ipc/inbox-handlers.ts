import type { CoreContext } from '../context';
import { markThreadRead } from '../inbox/read-state';
import {
  listWhatsAppTemplates,
  setWhatsAppTemplates,
  TemplateInputError,
} from '../inbox/templates';
import { ThreadKeyError } from '../inbox/thread-key';
import { threadPage } from '../inbox/thread-page';
import { listThreads } from '../inbox/threads';
import {
  dropWhatsApp,
  retryWhatsApp,
  sendWhatsApp,
  WhatsAppSendError,
} from '../inbox/whatsapp-send';
import type { HandlersFor } from './handler-table';

type InboxChannels =
  | 'inbox.threads'
  | 'inbox.messages'
  | 'inbox.markRead'
  | 'inbox.reply'
  | 'inbox.sendTemplate'
  | 'inbox.retry'
  | 'inbox.drop'
  | 'inbox.refresh'
  | 'inbox.templates'
  | 'inbox.setTemplates';

/** A thread or message that is not (or no longer) here is an answer, not a fault. */
async function answer<T>(work: () => T | Promise<T>): Promise<T | { ok: false; message: string }> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof ThreadKeyError ||
      error instanceof WhatsAppSendError ||
      error instanceof TemplateInputError
    )
      return { ok: false, message: error.message };
    throw error;
  }
}

/** The inbox: threads of both channels, pages of a thread, WhatsApp replies and templates. */
export function inboxHandlers(core: CoreContext): HandlersFor<InboxChannels> {
  const adapterFor = core.adapters.get;
  return {
    'inbox.threads': (query) => listThreads(core.db, query),
    'inbox.messages': ({ thread, before, limit }) =>
      answer(() => ({
        ok: true as const,
        ...threadPage(core.db, thread, { limit, ...(before ? { before } : {}) }),
      })),
    'inbox.markRead': ({ thread }) =>
      answer(() => {
        markThreadRead(core.db, thread);
        core.events.emit('conversations.changed', { threadKey: thread });
        return { ok: true as const };
      }),
    'inbox.reply': ({ thread, text }) =>
      answer(() => sendWhatsApp(core.db, adapterFor, thread, { kind: 'text', text })),
    'inbox.sendTemplate': ({ thread, templateId, fields }) =>
      answer(() =>
        sendWhatsApp(core.db, adapterFor, thread, { kind: 'template', templateId, fields }),
      ),
    'inbox.retry': ({ id }) => answer(() => retryWhatsApp(core.db, adapterFor, id)),
    'inbox.drop': ({ id }) => answer(() => dropWhatsApp(core.db, id)),
    'inbox.refresh': async () => {
      await core.sync.syncConversationsNow();
      return { ok: true as const };
    },
    'inbox.templates': ({ accountId }) => listWhatsAppTemplates(core.db, accountId),
    'inbox.setTemplates': ({ accountId, templates }) =>
      answer(() => ({
        ok: true as const,
        templates: setWhatsAppTemplates(core.db, accountId, templates),
      })),
  };
}
