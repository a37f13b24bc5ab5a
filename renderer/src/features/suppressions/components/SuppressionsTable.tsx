import { useTranslation } from 'react-i18next';
import { formatDateTime, phoneForDisplay } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import type { Suppression } from '../store';

/** Who is never written to, why, since when, and whether the provider's blacklist has it too. */
export function SuppressionsTable(props: {
  entries: readonly Suppression[];
  language: 'en' | 'es';
  busy: boolean;
  onRemove: (entry: Suppression) => void;
}) {
  const { t } = useTranslation('suppressions');
  return (
    <Table aria-label={t('table.label')} data-testid="suppressions-table">
      <TableHeader>
        <TableColumn isRowHeader>{t('table.number')}</TableColumn>
        <TableColumn>{t('table.why')}</TableColumn>
        <TableColumn>{t('table.since')}</TableColumn>
        <TableColumn>{t('table.provider')}</TableColumn>
        <TableColumn>{t('table.actions')}</TableColumn>
      </TableHeader>
      <TableBody
        items={props.entries}
        renderEmptyState={() => <p className="muted">{t('table.empty')}</p>}
      >
        {(e) => (
          <TableRow id={`${e.accountId}:${e.phone}`} data-testid={`suppression-${e.phone}`}>
            <TableCell>
              {phoneForDisplay(e.phone)}
              <br />
              <span className="muted">{e.account}</span>
            </TableCell>
            <TableCell className="details-cell">
              {t(`reason.${e.reason}`)}
              {e.detail ? (
                <>
                  <br />
                  <span className="muted">{e.detail}</span>
                </>
              ) : null}
            </TableCell>
            <TableCell>
              <time dateTime={new Date(e.since).toISOString()}>
                {formatDateTime(e.since, props.language)}
              </time>
            </TableCell>
            <TableCell className="details-cell" data-testid="blacklist-state">
              {t(`blacklist.${e.blacklist}`)}
              {e.blacklistError ? (
                <>
                  <br />
                  <span className="error">{e.blacklistError}</span>
                </>
              ) : null}
            </TableCell>
            <TableCell>
              <Button isDisabled={props.busy} onPress={() => props.onRemove(e)}>
                {t('remove')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
