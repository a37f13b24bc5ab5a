import { memo, useState } from 'react';
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FilterName } from '../../../../../shared/merge/filters';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';

/** The provider's filters (seed 003 line 311), offered in this order. */
const FILTER_NAMES: FilterName[] = [
  'capitalize',
  'capitalizeAll',
  'upper',
  'lower',
  'formatDotComma',
  'formatCommaDot',
  'shorten',
];

/**
 * "Insert field": the recipients' own merge fields (first name, custom
 * fields) and, optionally, one of the provider's filters, put in at the
 * cursor as `{first_name}` or `{first_name|capitalize}`.
 */
export const MergeTools = memo(function MergeTools(props: {
  fields: readonly string[];
  onInsert: (token: string) => void;
}) {
  const { t } = useTranslation('compose');
  const [filter, setFilter] = useState<FilterName | 'none'>('none');
  return (
    <div className="merge-tools">
      <MenuTrigger>
        <Button>
          {t('merge.insert')} <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="popover" placement="bottom start">
          <Menu
            className="listbox"
            onAction={(key) => {
              const field = String(key);
              props.onInsert(filter === 'none' ? `{${field}}` : `{${field}|${filter}}`);
            }}
          >
            {props.fields.map((f) => (
              <MenuItem key={f} id={f} className="listbox-item" textValue={f}>
                {`{${f}}`}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      <Select
        label={t('merge.filter')}
        value={filter}
        onChange={setFilter}
        className="inline-field"
        options={[
          { id: 'none' as const, label: t('merge.filters.none') },
          ...FILTER_NAMES.map((f) => ({ id: f, label: t(`merge.filters.${f}`) })),
        ]}
      />
    </div>
  );
});
