import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type ComposeModule = typeof import('../../../renderer/src/features/compose/store');
type TextModule = typeof import('../../../renderer/src/features/compose/text-store');

/** This window's storage, as the store finds it (Node has none). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** A main process that keeps the drafts it is sent. */
function fakeMain() {
  const saved: { body: string; id?: number }[] = [];
  const api = {
    drafts: {
      save: vi.fn(async (request: { body: string; id?: number }) => {
        saved.push(request);
        return { id: 7, name: '', body: request.body, state: {}, createdAt: 0, updatedAt: 0 };
      }),
      list: async () => [],
      remove: async () => ({ removed: null }),
    },
    compose: { resolve: vi.fn(async () => ({ ok: false, message: 'no account' })) },
  };
  return { api, saved };
}

describe('the message text in Compose', () => {
  let compose: ComposeModule;
  let text: TextModule;
  let main: ReturnType<typeof fakeMain>;
  let storage: ReturnType<typeof memoryStorage>;

  beforeAll(async () => {
    vi.useFakeTimers();
    main = fakeMain();
    storage = memoryStorage();
    // A reload finds the working copy in this window's storage.
    storage.setItem('outpost.compose.draft', JSON.stringify({ text: 'Hola {first_name}' }));
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('window', { outpost: main.api });
    compose = await import('../../../renderer/src/features/compose/store');
    text = await import('../../../renderer/src/features/compose/text-store');
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts from the working copy a reload left', () => {
    expect(text.messageText()).toBe('Hola {first_name}');
  });

  it('a keystroke runs none of the subscribers of the rest of Compose, and nothing typed is lost', async () => {
    const others = vi.fn();
    const stop = compose.useCompose.subscribe(others);
    const typed: string[] = [];
    const stopText = text.useComposeText.subscribe((s) => typed.push(s.text));
    for (const key of ', ¿qué tal?')
      compose.useCompose.getState().set({ text: text.messageText() + key });
    stopText();
    stop();
    expect(others).not.toHaveBeenCalled();
    expect(typed.at(-1)).toBe('Hola {first_name}, ¿qué tal?');
    // The working copy and the draft in the profile get what was typed.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(JSON.parse(storage.getItem('outpost.compose.draft') ?? '{}').text).toBe(
      'Hola {first_name}, ¿qué tal?',
    );
    expect(main.saved.at(-1)?.body).toBe('Hola {first_name}, ¿qué tal?');
  });

  it('clears a field error on the next keystroke, and the text still changes', () => {
    const problem = { key: 'compose:errors.noRecipients' };
    compose.useCompose.setState({ fieldError: { field: 'to', problem } });
    compose.useCompose.getState().set({ text: 'Hola' });
    expect(compose.useCompose.getState().fieldError).toBeNull();
    expect(text.messageText()).toBe('Hola');
  });

  it('takes a suggestion and undoes it back to the text as typed', () => {
    compose.useCompose.getState().set({ text: 'Olá “amigo”' });
    compose.useCompose.getState().replaceText('Ola "amigo"');
    expect(text.messageText()).toBe('Ola "amigo"');
    compose.useCompose.getState().undoReplace();
    expect(text.messageText()).toBe('Olá “amigo”');
  });

  it('opens a draft with its text, and a new message starts empty', async () => {
    compose.useCompose.setState({
      drafts: [
        {
          id: 3,
          name: 'Cita',
          body: 'Su cita es mañana',
          state: {
            accountId: null,
            from: null,
            encoding: 'auto',
            at: '',
            validFor: '',
            marketing: false,
          },
          createdAt: 0,
          updatedAt: 0,
        } as never,
      ],
    });
    compose.useCompose.getState().openDraft(3);
    expect(text.messageText()).toBe('Su cita es mañana');
    expect(compose.useCompose.getState().draftId).toBe(3);
    compose.useCompose.getState().startNew();
    expect(text.messageText()).toBe('');
    await vi.advanceTimersByTimeAsync(1_000);
  });
});
