import { DraftState } from '../../../shared/ipc/schemas/drafts';
import { type DraftRecord, listDrafts, removeDraft, saveDraft } from '../compose/drafts';
import type { CoreContext } from '../context';
import type { HandlersFor } from './handler-table';

/** A draft's state as the reply schema wants it; one written by an older or damaged screen reads as empty. */
function view(d: DraftRecord) {
  const state = DraftState.safeParse(d.state);
  return { ...d, state: state.success ? state.data : DraftState.parse({}) };
}

/** Compose's drafts, kept in the profile's database so they survive restarts. */
export function draftsHandlers(
  core: CoreContext,
): HandlersFor<'drafts.list' | 'drafts.save' | 'drafts.remove'> {
  return {
    'drafts.list': () => listDrafts(core.db).map(view),
    'drafts.save': (draft) => view(saveDraft(core.db, draft)),
    'drafts.remove': ({ id }) => {
      const removed = removeDraft(core.db, id);
      return { removed: removed ? view(removed) : null };
    },
  };
}
