import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FILTERS, type Filter } from '../store';

/** Which messages the table shows; arrow keys move between the chips. */
export function FilterChips({ value, onChange }: { value: Filter; onChange: (f: Filter) => void }) {
  const { t } = useTranslation('outbox');
  return (
    <ToggleButtonGroup
      className="chips"
      aria-label={t('filter.label')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      onSelectionChange={(keys) => {
        const [key] = [...keys];
        if (key) onChange(key as Filter);
      }}
    >
      {FILTERS.map((f) => (
        <ToggleButton key={f} id={f} className="chip">
          {t(`filter.${f}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
