import { useId, useRef } from 'react';
import { type FocusHandoff, useFocusNoted } from '../../../ui/stand-in';

/** Keys that open React Aria's Select from its button (Enter and Space click a button natively). */
const OPENING_KEYS = new Set(['ArrowDown', 'ArrowUp']);

/**
 * The account picker of the start's first frame: the markup, classes and
 * accessible name of ui/Select's closed button (React Aria's Select), with
 * none of its code. Pressing it asks for the list, which the real Select
 * opens with as it arrives a moment later (`onOpen`).
 */
export function AccountStandIn(props: {
  label: string;
  value: string;
  handoff: FocusHandoff;
  onOpen: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLButtonElement>(null);
  useFocusNoted(ref, props.handoff);
  return (
    <div className="field select">
      <span className="field-label" id={`${id}-label`}>
        {props.label}
      </span>
      <button
        ref={ref}
        type="button"
        className="select-button"
        aria-haspopup="listbox"
        aria-expanded="false"
        aria-labelledby={`${id}-value ${id}-label`}
        onClick={props.onOpen}
        onKeyDown={(event) => {
          if (!OPENING_KEYS.has(event.key)) return;
          event.preventDefault();
          props.onOpen();
        }}
      >
        <span
          id={`${id}-value`}
          className="react-aria-SelectValue"
          data-placeholder={props.value === '' ? true : undefined}
        >
          {props.value === '' ? '\u00a0' : props.value}
        </span>
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </button>
    </div>
  );
}
