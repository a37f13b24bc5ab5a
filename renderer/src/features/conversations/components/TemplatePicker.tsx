import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import type { WhatsAppTemplateEntry } from '../store';

function fieldCount(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{(\d+)\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function preview(body: string, fields: readonly string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => fields[Number(n) - 1] || whole);
}

/**
 * Outside the WhatsApp session: one of the account's approved templates, its
 * fields filled in, with the text the person will receive. The provider has no
 * list of templates to read, so the person adds the ones approved on its dashboard.
 */
export function TemplatePicker(props: {
  templates: readonly WhatsAppTemplateEntry[];
  sending: boolean;
  onSend: (templateId: number, fields: string[]) => void;
  onSave: (templates: WhatsAppTemplateEntry[]) => Promise<string | null>;
}) {
  const { t } = useTranslation('conversations');
  const [chosen, setChosen] = useState<number | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const template =
    props.templates.find((x) => x.templateId === chosen) ?? props.templates[0] ?? null;
  const needed = useMemo(() => (template ? fieldCount(template.body) : 0), [template]);
  const filled = Array.from({ length: needed }, (_, i) => fields[i] ?? '');
  const complete = filled.every((f) => f.trim() !== '');

  return (
    <div className="template-picker">
      {template ? (
        <>
          <Select
            label={t('templates.choose')}
            value={template.templateId}
            onChange={(id) => {
              setChosen(id);
              setFields([]);
            }}
            options={props.templates.map((x) => ({ id: x.templateId, label: x.name }))}
          />
          {filled.map((value, i) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: the fields are positional ({{1}}, {{2}} …)
              key={i}
              label={t('templates.field', { n: i + 1 })}
              value={value}
              onChange={(v) => setFields((old) => Object.assign([...old], { [i]: v }))}
            />
          ))}
          <p className="template-preview" data-testid="template-preview">
            {preview(template.body, filled)}
          </p>
          <Button
            variant="primary"
            isDisabled={props.sending || !complete}
            onPress={() => props.onSend(template.templateId, filled)}
          >
            {props.sending ? t('reply.sending') : t('templates.send')}
          </Button>
        </>
      ) : (
        <p className="muted">{t('templates.none')}</p>
      )}
      {adding ? (
        <AddTemplate
          onCancel={() => setAdding(false)}
          onAdd={async (entry) => {
            const problem = await props.onSave([...props.templates, entry]);
            if (problem === null) {
              setAdding(false);
              setChosen(entry.templateId);
            }
            return problem;
          }}
        />
      ) : (
        <Button variant="link" onPress={() => setAdding(true)}>
          {t('templates.add')}
        </Button>
      )}
    </div>
  );
}

function AddTemplate(props: {
  onAdd: (entry: WhatsAppTemplateEntry) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('conversations');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const templateId = Number(id);
  const validId = /^\d{1,9}$/.test(id.trim()) && templateId > 0;
  return (
    <div className="add-template">
      <TextField
        label={t('templates.id')}
        value={id}
        onChange={setId}
        inputMode="numeric"
        description={t('templates.idHelp')}
        error={id !== '' && !validId ? t('templates.badId') : null}
      />
      <TextField label={t('templates.name')} value={name} onChange={setName} />
      <TextField
        label={t('templates.body')}
        value={body}
        onChange={setBody}
        multiline
        rows={2}
        description={t('templates.bodyHelp', { first: '{{1}}', second: '{{2}}' })}
      />
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="reply-actions">
        <Button
          variant="primary"
          isDisabled={!validId || name.trim() === ''}
          onPress={async () =>
            setProblem(await props.onAdd({ templateId, name: name.trim(), body }))
          }
        >
          {t('templates.save')}
        </Button>
        <Button onPress={props.onCancel}>{t('templates.cancel')}</Button>
      </div>
    </div>
  );
}
