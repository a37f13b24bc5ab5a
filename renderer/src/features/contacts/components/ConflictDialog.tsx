import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { phoneForDisplay } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import type { Detail } from './ContactEditor';

type Conflict = NonNullable<Detail['conflict']>;
type Side = 'local' | 'remote';
export type Resolution = Side | Record<string, Side>;

interface Line {
  key: string;
  label: string;
  local: string;
  remote: string;
  conflicting: boolean;
}

const BASIC = ['firstName', 'lastName', 'phone', 'email'] as const;

function text(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return key === 'phone' ? phoneForDisplay(String(value)) : String(value);
}

/** What the provider keeps of a contact: the tags API has one whole name and no email. */
export interface ConflictFields {
  lastName: boolean;
  email: boolean;
}

/** The basic fields shown, named as the editor names them. */
function basicFields(
  kept: ConflictFields | null,
): { key: (typeof BASIC)[number]; label: string }[] {
  return BASIC.filter(
    (key) =>
      kept === null || ((key !== 'lastName' || kept.lastName) && (key !== 'email' || kept.email)),
  ).map((key) => ({ key, label: key === 'firstName' && kept?.lastName === false ? 'name' : key }));
}

/** Both versions, field by field; the conflicting ones first. */
function linesOf(k: Conflict, kept: ConflictFields | null, label: (key: string) => string): Line[] {
  if ('deleted' in k.remote) return [];
  const remote = k.remote;
  const lines: Line[] = basicFields(kept).map(({ key, label: name }) => ({
    key,
    label: label(name),
    local: text(key, k.local[key]),
    remote: text(key, remote[key]),
    conflicting: k.fields.includes(key),
  }));
  const custom = new Set([
    ...Object.keys(k.local.customFields),
    ...Object.keys(remote.customFields),
  ]);
  for (const name of custom) {
    lines.push({
      key: `custom:${name}`,
      label: name,
      local: text(name, k.local.customFields[name]),
      remote: text(name, remote.customFields[name]?.value),
      conflicting: k.fields.includes(`custom:${name}`),
    });
  }
  return lines.sort((a, b) => Number(b.conflicting) - Number(a.conflicting));
}

/**
 * A contact changed here and at the provider: both versions side by side.
 * Keep one whole, or choose per conflicting field and keep the mix.
 */
export function ConflictDialog(props: {
  conflict: Conflict;
  name: string;
  /** The account's abilities, once known: only the fields its provider keeps are shown. */
  kept: ConflictFields | null;
  onResolve: (keep: Resolution) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation('contacts');
  const k = props.conflict;
  const deleted = 'deleted' in k.remote;
  const lines = linesOf(k, props.kept, (key) => t(`editor.${key}`));
  const [choice, setChoice] = useState<Record<string, Side>>(() =>
    Object.fromEntries(k.fields.map((f) => [f, 'local'])),
  );
  const [error, setError] = useState<string | null>(null);
  const resolve = async (keep: Resolution) => setError(await props.onResolve(keep));
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
    >
      <Modal className="modal modal-wide">
        <Dialog className="dialog" aria-label={t('conflict.title')}>
          <Heading slot="title">{t('conflict.title')}</Heading>
          <p>
            {deleted
              ? t('conflict.deletedThere', { name: props.name })
              : t('conflict.intro', { name: props.name })}
          </p>
          {deleted ? null : (
            <table className="table conflict-table" data-testid="conflict-table">
              <thead>
                <tr>
                  <th scope="col" className="table-column">
                    {t('conflict.field')}
                  </th>
                  <th scope="col" className="table-column">
                    {t('conflict.here')}
                  </th>
                  <th scope="col" className="table-column">
                    {t('conflict.there')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr
                    key={line.key}
                    className={`table-row${line.conflicting ? ' conflict-row' : ''}`}
                  >
                    <th scope="row">{line.label}</th>
                    {(['local', 'remote'] as const).map((side) => (
                      <td key={side}>
                        {line.conflicting ? (
                          <label className="conflict-choice">
                            <input
                              type="radio"
                              name={line.key}
                              checked={choice[line.key] === side}
                              onChange={() => setChoice({ ...choice, [line.key]: side })}
                            />
                            <span>{line[side] || t('conflict.empty')}</span>
                          </label>
                        ) : (
                          <span className="muted">{line[side] || t('conflict.empty')}</span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {error ? (
            <p role="alert" className="field-error">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions conflict-actions">
            <Button onPress={props.onClose}>{t('editor.cancel')}</Button>
            <Button onPress={() => void resolve('remote')}>{t('conflict.keepThere')}</Button>
            <Button onPress={() => void resolve('local')}>{t('conflict.keepHere')}</Button>
            {deleted ? null : (
              <Button variant="primary" onPress={() => void resolve(choice)}>
                {t('conflict.keepChoices')}
              </Button>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
