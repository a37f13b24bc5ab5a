import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, phoneForDisplay } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';
import type { Suppression } from '../store';

/** The core's detail of an opt-out ('Replied "STOP" on WhatsApp'), in the language on screen. */
function detailText(t: TFunction, detail: string): string {
  const replied = /^Replied "(.*)" on WhatsApp$/.exec(detail.trim());
  return replied ? t('detail.repliedWhatsApp', { word: replied[1] }) : detail;
}

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
        // The rows are cached by item: without this, a Remove button would keep a stale "busy".
        dependencies={[props.busy, props.language]}
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
                  <span className="muted">{detailText(t, e.detail)}</span>
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
