import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/format';
import { Select } from '../../../ui/Select';
import type { Sniff } from '../store';

export const COUNTRIES = [
  'ES',
  'PT',
  'FR',
  'IT',
  'DE',
  'GB',
  'IE',
  'MX',
  'CO',
  'AR',
  'CL',
  'PE',
  'US',
];

/** Step 2: which column holds the numbers, the merge field of every column, the default country. */
export function ColumnsStep(props: {
  language: 'en' | 'es';
  sniff: Sniff;
  defaultCountry: string;
  onPhoneColumn: (header: string) => void;
  onHeader: (present: boolean) => void;
  onCountry: (country: string) => void;
}) {
  const { t } = useTranslation('bulk');
  const { sniff } = props;
  const phone = sniff.roles.phone?.column;
  const roleOf = (index: number) =>
    Object.entries(sniff.roles)
      .filter(([, where]) => where.column === index)
      .map(([role]) => t(`columns.roles.${role}`, { defaultValue: role }));
  const countries = COUNTRIES.includes(props.defaultCountry)
    ? COUNTRIES
    : [props.defaultCountry, ...COUNTRIES];
  return (
    <div className="wizard-body">
      <div className="grid-2">
        <Select
          label={t('columns.phone')}
          value={phone ?? null}
          onChange={(index) => props.onPhoneColumn(String(index + 1))}
          options={sniff.columns.map((c, i) => ({ id: i, label: c }))}
        />
        <Select
          label={t('columns.country')}
          value={props.defaultCountry}
          onChange={props.onCountry}
          options={countries.map((c) => ({ id: c, label: countryName(c, props.language) }))}
        />
      </div>
      {phone === undefined ? (
        <p className="error" role="alert">
          {t('columns.noPhone')}
        </p>
      ) : (
        <p className="muted" data-testid="phone-guess">
          {sniff.roles.phone?.by === 'option'
            ? t('columns.phoneChosen')
            : sniff.roles.phone?.by === 'content'
              ? t('columns.phoneByContent')
              : t('columns.phoneByHeader')}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sniff.header.present}
          onChange={(event) => props.onHeader(event.target.checked)}
        />{' '}
        {t('columns.header')}
      </label>
      <h3>{t('columns.fieldsTitle')}</h3>
      <p className="muted">{t('columns.fieldsHelp')}</p>
      <ul className="field-list" data-testid="field-list">
        {sniff.fields.map((field, i) => (
          <li key={field}>
            <span>{sniff.columns[i]}</span> → <code>{`{${field}}`}</code>
            {roleOf(i).length > 0 ? <span className="muted"> · {roleOf(i).join(', ')}</span> : null}
            <span className="muted"> · {sniff.preview[0]?.[i] ?? ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
