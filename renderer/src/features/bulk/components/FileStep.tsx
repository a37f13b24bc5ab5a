import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateCoreSentence } from '../../../i18n/core-sentences';
import { formatBytes } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { Select } from '../../../ui/Select';
import type { Sniff } from '../store';
import { PreviewTable } from './PreviewTable';

const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be'] as const;
const DELIMITERS = [';', ',', '\t', '|'] as const;
const DELIMITER_KEYS: Record<string, string> = {
  ';': 'semicolon',
  ',': 'comma',
  '\t': 'tab',
  '|': 'pipe',
};

export interface FileStepProps {
  language: 'en' | 'es';
  fileName: string | null;
  upload: { sent: number; size: number } | null;
  problem: string | null;
  sniff: Sniff | null;
  onFile: (file: File) => void;
  onEncoding: (encoding: (typeof ENCODINGS)[number]) => void;
  onDelimiter: (delimiter: (typeof DELIMITERS)[number]) => void;
}

/** Step 1: the file (button or drop), what was detected and why, and its first rows. */
export function FileStep(props: FileStepProps) {
  const { t } = useTranslation('bulk');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { sniff } = props;
  return (
    <div className="wizard-body">
      <section
        className={over ? 'drop-zone drop-over' : 'drop-zone'}
        aria-label={t('file.dropLabel')}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const file = event.dataTransfer.files[0];
          if (file) props.onFile(file);
        }}
      >
        <p>{t('file.drop')}</p>
        <Button variant="primary" onPress={() => input.current?.click()}>
          {props.fileName ? t('file.chooseOther') : t('file.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="visually-hidden"
          aria-label={t('file.inputLabel')}
          data-testid="file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) props.onFile(file);
            event.target.value = '';
          }}
        />
        <p className="muted">{t('file.help')}</p>
      </section>
      {props.upload ? (
        <ProgressBar
          label={t('file.uploading')}
          value={props.upload.sent}
          max={props.upload.size}
          valueText={t('file.uploaded', {
            sent: formatBytes(props.upload.sent, props.language),
            size: formatBytes(props.upload.size, props.language),
          })}
        />
      ) : null}
      {props.problem ? (
        <p className="error" role="alert" data-testid="file-problem">
          {props.problem}
        </p>
      ) : null}
      {sniff ? (
        <div data-testid="sniff">
          <p>
            <strong>{sniff.name}</strong> · {formatBytes(sniff.bytes, props.language)}
          </p>
          <div className="grid-2">
            <div>
              <Select
                label={t('file.encoding')}
                value={sniff.encoding.name as (typeof ENCODINGS)[number]}
                onChange={props.onEncoding}
                options={ENCODINGS.map((e) => ({ id: e, label: t(`file.encodings.${e}`) }))}
              />
              <p className="muted" data-testid="encoding-reason">
                {sniff.encoding.guessed
                  ? t('file.detected', { reason: translateCoreSentence(t, sniff.encoding.reason) })
                  : t('file.chosen')}
              </p>
            </div>
            <div>
              <Select
                label={t('file.delimiter')}
                value={sniff.delimiter.char as (typeof DELIMITERS)[number]}
                onChange={props.onDelimiter}
                options={DELIMITERS.map((d) => ({
                  id: d,
                  label: t(`file.delimiters.${DELIMITER_KEYS[d]}`),
                }))}
              />
              <p className="muted" data-testid="delimiter-reason">
                {sniff.delimiter.guessed
                  ? t('file.detected', { reason: translateCoreSentence(t, sniff.delimiter.reason) })
                  : t('file.chosen')}
              </p>
            </div>
          </div>
          <PreviewTable
            label={t('file.previewLabel')}
            columns={sniff.columns}
            rows={sniff.preview.slice(0, 5)}
          />
        </div>
      ) : null}
    </div>
  );
}
