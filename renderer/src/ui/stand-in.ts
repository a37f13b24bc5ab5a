import { type RefObject, useLayoutEffect } from 'react';

/**
 * Where the focus and caret were in a first-frame stand-in when it left the
 * DOM, for the real control that takes its place in the same commit.
 */
export interface FocusHandoff {
  focused: boolean;
  selection: readonly [number, number] | null;
}

export function newFocusHandoff(): FocusHandoff {
  return { focused: false, selection: null };
}

/**
 * Notes the focus and caret as the stand-in is removed: React runs a layout
 * effect's cleanup before it takes the element out of the DOM, while it is
 * still document.activeElement.
 */
export function useFocusNoted(ref: RefObject<HTMLElement | null>, handoff: FocusHandoff): void {
  useLayoutEffect(() => {
    const element = ref.current;
    return () => {
      handoff.focused = element !== null && element === document.activeElement;
      handoff.selection =
        element instanceof HTMLInputElement && element.selectionStart !== null
          ? [element.selectionStart, element.selectionEnd ?? element.selectionStart]
          : null;
    };
  }, [ref, handoff]);
}

/** Gives `element` the focus (and caret) its stand-in had, once. */
export function takeFocus(element: HTMLElement | null | undefined, handoff: FocusHandoff): void {
  if (!element || !handoff.focused) return;
  handoff.focused = false;
  element.focus();
  if (handoff.selection && element instanceof HTMLInputElement)
    element.setSelectionRange(handoff.selection[0], handoff.selection[1]);
}
