/**
 * The header's Export button (issue 15). The button is on the first screen; the menu it opens — and the code that
 * writes the files (html-to-image, the schema) — loads on first open.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../shell/Popover';
import { Icon } from '../shell/Icon';
import { ICON_ONLY_TEXT } from '../shell/icons';
import { exportStrings, panelsStrings } from '../../i18n';
import { addStrings } from '../../i18n/sources';

// The menu's strings come with its code (and the panels' it describes the trace with).
const ExportMenu = lazy(() =>
  Promise.all([import('./ExportMenu'), addStrings(exportStrings), addStrings(panelsStrings)]).then(([m]) => m),
);

export function ExportButton() {
  const { t } = useTranslation();
  return (
    <Popover
      label={
        <>
          <Icon name="export" />
          <span className={ICON_ONLY_TEXT}>{t('header.export')}</span>
        </>
      }
      ariaLabel={t('export.title')}
      align="right"
      buttonClass="hbtn gap-1.5"
    >
      {(close) => (
        <Suspense fallback={<p className="text-[15px] text-slate-600">{t('app.loading')}</p>}>
          <ExportMenu close={close} />
        </Suspense>
      )}
    </Popover>
  );
}
