import { useId } from 'react';

export interface MeterProps {
  label: string;
  value: number;
  max: number;
  /** What a screen reader says for the value ("40 of 160 characters used"). */
  valueText: string;
}

/**
 * A bar showing how full something is (the current SMS part). Plain markup
 * with the ARIA meter role (what React Aria's Meter rendered): it renders on
 * every keystroke under the message, where React Aria's hooks cost more than
 * the bar.
 */
export function Meter({ label, value, max, valueText }: MeterProps) {
  const labelId = useId();
  const now = Math.min(Math.max(value, 0), max);
  const percentage = max > 0 ? (now / max) * 100 : 0;
  return (
    // A styled track, as React Aria's Meter drew it: <meter> cannot hold the label and the bar.
    // biome-ignore lint/a11y/useSemanticElements: the ARIA role on the styled track, as before
    <div
      className="meter-bar"
      role="meter"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={now}
      aria-valuetext={valueText}
      aria-labelledby={labelId}
    >
      <span id={labelId} className="visually-hidden">
        {label}
      </span>
      <div className="meter-track">
        <div className="meter-fill" style={{ width: `${percentage}%` }} />
      </div>
    </div>
  );
}
