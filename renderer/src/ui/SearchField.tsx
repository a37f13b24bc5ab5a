import { SearchField as AriaSearchField, Button, Input, Label } from 'react-aria-components';

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  clearLabel: string;
  autoFocus?: boolean;
  className?: string;
}

/** A search box: Escape clears it, the clear button is reachable and named. */
export function SearchField(props: SearchFieldProps) {
  return (
    <AriaSearchField
      className={`field search-field${props.className ? ` ${props.className}` : ''}`}
      value={props.value}
      onChange={props.onChange}
      autoFocus={props.autoFocus ?? false}
    >
      <Label className="visually-hidden">{props.label}</Label>
      <Input placeholder={props.placeholder} />
      {props.value ? (
        <Button className="search-clear" aria-label={props.clearLabel}>
          ×
        </Button>
      ) : null}
    </AriaSearchField>
  );
}
