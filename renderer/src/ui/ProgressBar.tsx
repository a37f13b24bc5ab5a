import { ProgressBar as AriaProgressBar, Label } from 'react-aria-components';

export interface ProgressBarProps {
  label: string;
  /** Absent while the total is not known yet (an indeterminate bar). */
  value?: number | undefined;
  max?: number | undefined;
  valueText?: string;
}

/** Progress of a long task (a contact sync); indeterminate until it knows the total. */
export function ProgressBar({ label, value, max, valueText }: ProgressBarProps) {
  const known = value !== undefined && max !== undefined && max > 0;
  return (
    <AriaProgressBar
      className="progress"
      isIndeterminate={!known}
      value={known ? value : 0}
      maxValue={known ? max : 100}
      {...(valueText ? { valueLabel: valueText } : {})}
    >
      {({ percentage, isIndeterminate }) => (
        <>
          <Label className="progress-label">{label}</Label>
          <div className="meter-track">
            <div
              className={isIndeterminate ? 'meter-fill indeterminate' : 'meter-fill'}
              style={isIndeterminate ? undefined : { width: `${percentage}%` }}
            />
          </div>
        </>
      )}
    </AriaProgressBar>
  );
}
