import { signal } from '@preact/signals';
import { viewDownloadUrl } from '../lib/download-urls.ts';
import { printOpen, tableOpen } from '../state/panels.ts';
import { shown } from '../state/tables.ts';
import { lang } from '../state/ui-state.ts';
import { DownloadMenu } from './download-menu.tsx';
import { t, tf } from './i18n.ts';
import { Icon } from './icon.tsx';
import './outputs.css';

/** What the PNG button is doing, announced in a live region. */
const pngStatus = signal<{ busy: boolean; message: string }>({ busy: false, message: '' });

/**
 * The map's tools, under its zoom buttons: the table view, print, save as PNG, and the
 * download of the layers shown. The PNG and print code load on first use.
 */
export function MapTools() {
  const l = lang.value;
  const savePng = async () => {
    pngStatus.value = { busy: true, message: t('savingPng', l) };
    try {
      const { saveMapPng } = await import('./print/png.ts');
      const file = await saveMapPng();
      pngStatus.value = { busy: false, message: tf('pngSaved', l, { file }) };
    } catch (e) {
      pngStatus.value = { busy: false, message: `${t('mapFailed', l)}: ${(e as Error).message}` };
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form; a fieldset would bring a legend
    <div class="map-tools" role="group" aria-label={t('mapTools', l)}>
      <button type="button" class="map-tool" aria-pressed={tableOpen.value} title={t('openTableHint', l)} onClick={() => (tableOpen.value = !tableOpen.value)}>
        <Icon name="table" />
        <span class="map-tool-label">{t('openTable', l)}</span>
      </button>
      <button type="button" class="map-tool" title={t('printHint', l)} onClick={() => (printOpen.value = true)}>
        <Icon name="print" />
        <span class="map-tool-label">{t('print', l)}</span>
      </button>
      <button type="button" class="map-tool" title={t('savePngHint', l)} aria-busy={pngStatus.value.busy} disabled={pngStatus.value.busy} onClick={savePng}>
        <Icon name="image" />
        <span class="map-tool-label">{t('savePng', l)}</span>
      </button>
      <DownloadMenu compact label={t('downloadView', l)} url={(f) => viewDownloadUrl(shown.value, f)} />
      <p class="visually-hidden" role="status" aria-live="polite">
        {pngStatus.value.message}
      </p>
    </div>
  );
}
