import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import type { BackupsList } from '../data-store';

type Backup = BackupsList['backups'][number];

/** The data folder's backups, newest first, with "Back up now" and "Restore…" on each. */
export function BackupsSection(props: {
  list: BackupsList;
  language: Language;
  busy: boolean;
  onBackUp: () => void;
  onRestore: (backup: Backup) => void;
}) {
  const { t } = useTranslation('settings');
  const { list, language } = props;
  return (
    <div data-testid="backups">
      <p className="muted">
        {t('backups.folder', { count: list.kept })} <code>{list.folder}</code>
      </p>
      {list.stagedRestore ? (
        <p className="hint" role="status">
          {t('backups.staged', { name: list.stagedRestore })}
        </p>
      ) : null}
      <div className="actions backups-actions">
        <Button variant="primary" onPress={props.onBackUp} isDisabled={props.busy}>
          {props.busy ? t('backups.working') : t('backups.now')}
        </Button>
      </div>
      {list.backups.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        <Table aria-label={t('backups.tableLabel')}>
          <TableHeader>
            <TableColumn isRowHeader>{t('backups.date')}</TableColumn>
            <TableColumn>{t('backups.reason')}</TableColumn>
            <TableColumn>{t('backups.size')}</TableColumn>
            <TableColumn>{t('accounts.actions')}</TableColumn>
          </TableHeader>
          <TableBody items={list.backups.map((b) => ({ ...b, id: b.name }))}>
            {(b) => (
              <TableRow id={b.name}>
                <TableCell>{formatDateTime(b.createdAt, language)}</TableCell>
                <TableCell>{t(`backups.reasons.${b.reason}`)}</TableCell>
                <TableCell>{formatBytes(b.sizeBytes, language)}</TableCell>
                <TableCell>
                  <Button
                    onPress={() => props.onRestore(b)}
                    aria-label={t('backups.restoreNamed', {
                      date: formatDateTime(b.createdAt, language),
                    })}
                  >
                    {t('backups.restore')}
                  </Button>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
