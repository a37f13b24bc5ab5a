import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Select } from '../../../ui/Select';
import type { Bucket, Range } from '../store';

const RANGES: Range[] = [7, 30, 90];
const BUCKETS: Bucket[] = ['day', 'week'];

interface Props {
  accounts: { id: number; name: string }[];
  accountId: number | null;
  range: Range;
  bucket: Bucket;
  onChange: (patch: { accountId?: number; range?: Range; bucket?: Bucket }) => void;
}

/** Which account, how far back, and by day or by week; arrow keys move inside each group. */
export function ReportControls({ accounts, accountId, range, bucket, onChange }: Props) {
  const { t } = useTranslation('reports');
  const single = <K extends string>(keys: Set<K> | 'all'): K | undefined =>
    keys === 'all' ? undefined : [...keys][0];
  return (
    <div className="report-controls">
      <Select
        label={t('controls.account')}
        value={accountId}
        onChange={(id) => onChange({ accountId: id })}
        options={accounts.map((a) => ({ id: a.id, label: a.name }))}
      />
      <div className="field">
        <span className="field-label" id="report-range-label">
          {t('controls.range')}
        </span>
        <ToggleButtonGroup
          className="chips"
          aria-labelledby="report-range-label"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[String(range)]}
          onSelectionChange={(keys) => {
            const key = single(keys as Set<string>);
            if (key) onChange({ range: Number(key) as Range });
          }}
        >
          {RANGES.map((r) => (
            <ToggleButton key={r} id={String(r)} className="chip">
              {t('controls.lastDays', { count: r })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </div>
      <div className="field">
        <span className="field-label" id="report-bucket-label">
          {t('controls.bucket')}
        </span>
        <ToggleButtonGroup
          className="chips"
          aria-labelledby="report-bucket-label"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[bucket]}
          onSelectionChange={(keys) => {
            const key = single(keys as Set<string>);
            if (key) onChange({ bucket: key as Bucket });
          }}
        >
          {BUCKETS.map((b) => (
            <ToggleButton key={b} id={b} className="chip">
              {t(`controls.by.${b}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </div>
    </div>
  );
}
