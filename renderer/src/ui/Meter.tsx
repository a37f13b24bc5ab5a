import { Meter as AriaMeter, Label } from 'react-aria-components';

export interface MeterProps {
  label: string;
  value: number;
  max: number;
  /** What a screen reader says for the value ("40 of 160 characters used"). */
  valueText: string;
}

/** A bar showing how full something is (the current SMS part). */
export function Meter({ label, value, max, valueText }: MeterProps) {
  return (
    <AriaMeter className="meter-bar" value={value} maxValue={max} valueLabel={valueText}>
      {({ percentage }) => (
        <>
          <Label className="visually-hidden">{label}</Label>
          <div className="meter-track">
            <div className="meter-fill" style={{ width: `${percentage}%` }} />
          </div>
        </>
      )}
    </AriaMeter>
  );
}
