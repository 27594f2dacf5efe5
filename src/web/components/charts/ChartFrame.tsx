// Every chart's frame: title, the picture, source line, PNG/SVG/CSV downloads and a data table.
import { type ReactNode, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { DataTable, type TableData } from './DataTable.js';
import { downloadPng, downloadSvg, fileNameFor } from './download.js';
import './charts.css';

type Props = {
  title: string;
  /** One or two sentences saying what the chart shows (read before the picture). */
  summary?: string | undefined;
  /** "Source: …" as the reader should read it, release included. */
  source: string;
  table: TableData;
  /** A server address that returns the same figures as CSV. */
  csvHref?: string | undefined;
  /** Heading level of the title inside the page. */
  level?: 2 | 3 | 4;
  /** Notes under the chart: censored figures, missing countries… */
  notes?: ReactNode;
  children: ReactNode;
};

export function ChartFrame(props: Props) {
  const { t, info } = useI18n();
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const Heading = props.level === 2 ? 'h2' : props.level === 4 ? 'h4' : 'h3';
  const exportText = { title: props.title, source: props.source, dir: info.dir };
  const svg = () => body.current?.querySelector('svg') ?? null;
  const name = fileNameFor(props.title);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="chart-title">
        {props.title}
      </Heading>
      {props.summary ? <p className="chart-summary">{props.summary}</p> : null}
      <div className="chart-body" ref={body}>
        {props.children}
      </div>
      <figcaption className="chart-caption">
        {props.notes}
        <p className="chart-source">{props.source}</p>
        <div className="chart-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              const element = svg();
              if (element) downloadPng(element, exportText, name).catch(() => setFailed(true));
            }}
          >
            {t('charts.downloadPng')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              const element = svg();
              if (element) downloadSvg(element, exportText, name);
            }}
          >
            {t('charts.downloadSvg')}
          </button>
          {props.csvHref ? (
            <a className="button button-secondary button-small" href={props.csvHref} download>
              {t('charts.downloadCsv')}
            </a>
          ) : null}
        </div>
        {failed ? (
          <p className="field-error" role="alert">
            {t('charts.downloadFailed')}
          </p>
        ) : null}
      </figcaption>
      <details className="chart-table">
        <summary>{t('charts.showTable')}</summary>
        <DataTable caption={props.title} data={props.table} />
      </details>
    </figure>
  );
}
