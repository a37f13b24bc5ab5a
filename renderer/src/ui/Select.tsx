import { memo } from 'react';
import {
  Select as AriaSelect,
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
} from 'react-aria-components';

export interface SelectOption<K extends string | number> {
  id: K;
  label: string;
}

export interface SelectProps<K extends string | number> {
  label: string;
  options: readonly SelectOption<K>[];
  value: K | null;
  onChange: (value: K) => void;
  /** Hides the label visually (it stays the accessible name). */
  labelHidden?: boolean;
  isDisabled?: boolean;
  className?: string;
  /** Opens with its list shown (its first-frame stand-in was pressed before it arrived). */
  defaultOpen?: boolean;
}

/**
 * A labelled drop-down list (React Aria's Select: type-ahead, arrows, Escape).
 * Memoised: React Aria rebuilds the whole option collection on each render,
 * which Compose cannot afford on every keystroke, so a Select whose props
 * are unchanged (options memoised by the caller) is not rendered again.
 */
export const Select = memo(SelectList) as typeof SelectList;

function SelectList<K extends string | number>(props: SelectProps<K>) {
  const { label, options, value, onChange } = props;
  return (
    <AriaSelect
      className={`field select${props.className ? ` ${props.className}` : ''}`}
      selectedKey={value}
      onSelectionChange={(key) => {
        const option = options.find((o) => o.id === key);
        if (option) onChange(option.id);
      }}
      isDisabled={props.isDisabled ?? false}
      defaultOpen={props.defaultOpen ?? false}
    >
      <Label className={props.labelHidden ? 'visually-hidden' : 'field-label'}>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
