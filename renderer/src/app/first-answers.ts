import type { ReplyOf } from '../../../shared/ipc/contract';

/*
 * The start view's first two questions to the core (the saved preferences and
 * the accounts), asked when this module is evaluated. index.html loads it as
 * a small script of its own ahead of the start file
 * (scripts/renderer-build/first-answers-script.ts), so the round trips run
 * while the start file still downloads and compiles, instead of after.
 */
type FirstChannel = 'settings.get' | 'accounts.list';

/** Marked as handled: the store that takes the answer reports its failure, not the page. */
function handled<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}

function askAll(): Map<FirstChannel, Promise<unknown>> {
  // Without a bridge yet (a test's page, a broken preload) the stores ask, and fail, themselves.
  if (typeof window === 'undefined' || !window.outpost) return new Map();
  try {
    return new Map<FirstChannel, Promise<unknown>>([
      ['settings.get', handled(window.outpost.settings.get())],
      ['accounts.list', handled(window.outpost.accounts.list())],
    ]);
  } catch {
    return new Map();
  }
}

const asked = askAll();

/** The early answer for `channel` the first time (once only: a later load asks again), else `call`'s. */
export function firstAnswerOr<C extends FirstChannel>(
  channel: C,
  call: () => Promise<ReplyOf<C>>,
): Promise<ReplyOf<C>> {
  const early = asked.get(channel) as Promise<ReplyOf<C>> | undefined;
  asked.delete(channel);
  return early ?? call();
}
