import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../../shared/ipc/schemas/accounts';
import { translatePauseReason } from '../../../i18n/core-sentences';
import { isolate } from '../../../lib/isolate';
import { Button } from '../../../ui/Button';
import { Table, TableBody, TableCell, TableColumn, TableHeader, TableRow } from '../../../ui/Table';

/** The provider accounts, with "Test" and "Remove" on each. */
export function AccountsTable(props: {
  accounts: readonly AccountSummary[];
  testing: number | null;
  onTest: (account: AccountSummary) => void;
  onRemove: (account: AccountSummary) => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <Table aria-label={t('accounts.tableLabel')} data-testid="accounts-table">
      <TableHeader>
        <TableColumn isRowHeader>{t('accounts.name')}</TableColumn>
        <TableColumn>{t('accounts.provider')}</TableColumn>
        <TableColumn>{t('accounts.address')}</TableColumn>
        <TableColumn>{t('accounts.state')}</TableColumn>
        <TableColumn>{t('accounts.actions')}</TableColumn>
      </TableHeader>
      <TableBody items={props.accounts}>
        {(a) => (
          <TableRow id={a.id}>
            <TableCell>
              {a.name}
              {a.sandbox ? <span className="muted"> {t('accounts.simulator')}</span> : null}
            </TableCell>
            <TableCell>{t(`providers.${a.provider}`)}</TableCell>
            <TableCell className="muted address-cell" data-testid="account-address">
              {a.baseUrl}
            </TableCell>
            <TableCell>
              {a.paused
                ? t('accounts.paused', {
                    reason: translatePauseReason(t, a.paused.code, a.paused.reason),
                  })
                : t('accounts.sending')}
            </TableCell>
            <TableCell>
              <span className="row-actions">
                <Button
                  isDisabled={props.testing === a.id}
                  onPress={() => props.onTest(a)}
                  aria-label={t('accounts.testNamed', { name: isolate(a.name) })}
                >
                  {props.testing === a.id ? t('accounts.testing') : t('accounts.test')}
                </Button>
                <Button
                  variant="danger"
                  onPress={() => props.onRemove(a)}
                  aria-label={t('accounts.removeNamed', { name: isolate(a.name) })}
                >
                  {t('accounts.remove')}
                </Button>
              </span>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
