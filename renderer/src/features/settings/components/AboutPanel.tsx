import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyOf } from '../../../../../shared/ipc/contract';
import { formatBytes, formatNumber } from '../../../lib/format';
import type { Problem } from '../../../lib/problem';
import { Button } from '../../../ui/Button';
import { Section } from '../../../ui/Section';

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function AppInfoList({ info }: { info: ReplyOf<'app.info'> }) {
  const { t } = useTranslation('settings');
  return (
    <dl data-testid="app-info">
      <Row label={t('about.version')}>{info.version}</Row>
      <Row label={t('about.dataFolder')}>
        <code>{info.dataDir}</code>
      </Row>
      <Row label={t('about.schemaVersion')}>{info.schemaVersion}</Row>
    </dl>
  );
}

/** What the database says about itself: file, SQLite, journal, schema, size, rows per table. */
export function DbHealthList(props: { health: ReplyOf<'db.health'>; language: 'en' | 'es' }) {
  const { t } = useTranslation('settings');
  const { health, language } = props;
  const upToDate = health.schemaVersion === health.latestSchemaVersion;
  return (
    <div data-testid="db-health">
      <dl>
        <Row label={t('about.file')}>
          <code>{health.file}</code>
        </Row>
        <Row label={t('about.sqlite')}>{health.sqliteVersion}</Row>
        <Row label={t('about.journal')}>{health.journalMode.toUpperCase()}</Row>
        <Row label={t('about.synchronous')}>
          {SYNCHRONOUS[health.synchronous] ?? health.synchronous}
        </Row>
        <Row label={t('about.foreignKeys')}>
          {health.foreignKeys ? t('about.on') : t('about.off')}
        </Row>
        <Row label={t('about.schema')}>
          {upToDate
            ? t('about.schemaUpToDate', {
                version: health.schemaVersion,
                latest: health.latestSchemaVersion,
              })
            : t('about.schemaOf', {
                version: health.schemaVersion,
                latest: health.latestSchemaVersion,
              })}
        </Row>
        <Row label={t('about.size')}>{formatBytes(health.sizeBytes, language)}</Row>
      </dl>
      <table className="counts">
        <caption>{t('about.rows')}</caption>
        <tbody>
          {Object.entries(health.counts).map(([table, count]) => (
            <tr key={table}>
              <th scope="row">{table}</th>
              <td>{formatNumber(count, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; problem: Problem };

/** The About tab: the app, its data folder and the database, refreshed with the button or F5. */
export function AboutPanel(props: {
  info: Loadable<ReplyOf<'app.info'>>;
  health: Loadable<ReplyOf<'db.health'>>;
  language: 'en' | 'es';
  onRefresh: () => void;
  problemText: (problem: Problem) => string;
}) {
  const { t } = useTranslation('settings');
  const body = <T,>(load: Loadable<T>, show: (value: T) => ReactNode) =>
    load.state === 'loading' ? (
      <p className="muted">{t('about.loading')}</p>
    ) : load.state === 'error' ? (
      <p role="alert" className="error">
        {props.problemText(load.problem)}
      </p>
    ) : (
      show(load.value)
    );
  return (
    <div className="cards">
      <Section
        title={t('about.app')}
        actions={
          <Button onPress={props.onRefresh} aria-keyshortcuts="F5">
            {t('about.refresh')}
          </Button>
        }
      >
        {body(props.info, (info) => (
          <AppInfoList info={info} />
        ))}
        <p className="muted">{t('about.dataFolderNote')}</p>
      </Section>
      <Section title={t('about.database')}>
        {body(props.health, (health) => (
          <DbHealthList health={health} language={props.language} />
        ))}
      </Section>
    </div>
  );
}
