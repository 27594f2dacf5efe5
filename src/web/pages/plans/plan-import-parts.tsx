// Pieces shared by the steps of a plan's import: the file once read, a step's heading that takes focus, and
// a table of problems or notes, each with where in the file it is.
import { useEffect, useRef } from 'react';
import type { PlanFile } from '../../../plans/plan-import-schemas.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { PlanImportPreview } from './plan-import-draft.js';

export type ReadFile = { file: PlanFile; preview: PlanImportPreview };

/** A step's heading, which takes focus when the step appears, so that a screen reader hears where it is. */
export function StepHeading(props: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} tabIndex={-1}>
      {props.children}
    </h2>
  );
}

export function FindingsTable(props: { caption: string; findings: PlanImportPreview['problems'] }) {
  const { t } = useI18n();
  return (
    <TableScroll>
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planImport.where')}</th>
            <th scope="col">{t('planImport.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {props.findings.map((finding) => (
            <tr key={`${finding.path}-${finding.row ?? ''}-${finding.message}`}>
              <td dir="ltr">{finding.row ? t('planImport.row', { row: finding.row }) : finding.path}</td>
              {/* The reader writes its sentences in English; the first column says where. */}
              <td lang="en" dir="ltr">
                {finding.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
