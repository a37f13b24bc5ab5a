import { useEffect, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../../../shared/ipc/schemas/settings';
import { countryName } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';

/** The countries Outpost's users are in (Spain, Portugal, Latin America) and a few more. */
const COUNTRIES = [
  'ES',
  'PT',
  'MX',
  'AR',
  'CO',
  'CL',
  'PE',
  'EC',
  'UY',
  'BR',
  'US',
  'GB',
  'FR',
  'DE',
  'IT',
];

/** Language, theme, default country and default sender; each saved as soon as it is chosen. */
export function PreferencesForm(props: {
  preferences: Preferences;
  /** The language shown now (the system's while `language` is null). */
  language: 'en' | 'es';
  onSave: (patch: Partial<Preferences>) => Promise<string | null>;
}) {
  const { t } = useTranslation('settings');
  const { preferences, language, onSave } = props;
  const [sender, setSender] = useState(preferences.defaultSender);
  const [senderError, setSenderError] = useState<string | null>(null);
  useEffect(() => setSender(preferences.defaultSender), [preferences.defaultSender]);

  return (
    <div className="preferences">
      <div className="grid-2">
        <Select
          label={t('preferences.language')}
          value={preferences.language ?? 'system'}
          onChange={(value) => void onSave({ language: value === 'system' ? null : value })}
          options={[
            { id: 'system', label: t('preferences.languageSystem') },
            { id: 'en', label: t('preferences.languageEn') },
            { id: 'es', label: t('preferences.languageEs') },
          ]}
        />
        <Select
          label={t('preferences.country')}
          value={preferences.defaultCountry}
          onChange={(defaultCountry) => void onSave({ defaultCountry })}
          options={COUNTRIES.map((c) => ({ id: c, label: countryName(c, language) }))}
        />
        <RadioGroup
          className="field radio-group"
          value={preferences.theme}
          onChange={(theme) => void onSave({ theme: theme as Preferences['theme'] })}
          orientation="horizontal"
        >
          <Label className="field-label">{t('preferences.theme')}</Label>
          <div className="radios">
            <Radio value="system" className="radio">
              {t('preferences.themeSystem')}
            </Radio>
            <Radio value="light" className="radio">
              {t('preferences.themeLight')}
            </Radio>
            <Radio value="dark" className="radio">
              {t('preferences.themeDark')}
            </Radio>
          </div>
        </RadioGroup>
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            setSenderError(await onSave({ defaultSender: sender }));
          }}
        >
          <TextField
            label={t('preferences.sender')}
            value={sender}
            onChange={setSender}
            error={senderError}
            description={t('preferences.senderNote')}
          />
          <Button type="submit" isDisabled={sender === preferences.defaultSender}>
            {t('preferences.save')}
          </Button>
        </form>
      </div>
    </div>
  );
}
