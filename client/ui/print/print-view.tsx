import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Orientation, PAPERS, type Paper, mmToPx, sheetSize } from '../../lib/paper.ts';
import { metresPerPixel, scaleBar, scaleDenominator } from '../../lib/scale-bar.ts';
import { todayIso } from '../../lib/url-state.ts';
import { liveView } from '../../map/map-view.tsx';
import { renderSnapshot } from '../../map/snapshot.ts';
import { customTitle, printOpen } from '../../state/panels.ts';
import { lang } from '../../state/ui-state.ts';
import { formatDate, formatNumber, t, tf } from '../i18n.ts';
import { drawnLegends, licenceLines, mapSubtitle, mapTitle } from './map-summary.ts';
import { PrintLegend } from './print-legend.tsx';
import './print.css';

/** Device pixels per CSS pixel of the printed map: about 290 dpi on paper. */
export const PRINT_PIXEL_RATIO = 3;

type MapImage = { url: string; metresPerPx: number };

/**
 * The print layout: a sheet of the chosen paper (A4, A3; landscape, portrait) with the title, the
 * date and units, the map drawn for the sheet at print resolution, a scale bar and scale, a north
 * arrow, the legend of the layers drawn, and the sources and licences. The browser prints it (print
 * CSS names the page size), so "save as PDF" gives the same sheet. A modal dialog over the app.
 */
export function PrintView() {
  const l = lang.value;
  const [paper, setPaper] = useState<Paper>('a4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [image, setImage] = useState<MapImage | null>(null);
  const [status, setStatus] = useState<'drawing' | 'ready' | 'failed'>('drawing');
  const [error, setError] = useState('');
  const [fit, setFit] = useState(1);
  const mapBox = useRef<HTMLDivElement>(null);
  const preview = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const drawing = useRef<Promise<void>>(Promise.resolve());
  const size = sheetSize(paper, orientation);

  // The preview scales the sheet down to the window; print shows it at its real size.
  useLayoutEffect(() => {
    const resize = () => {
      const box = preview.current;
      if (box) setFit(Math.min(1, (box.clientWidth - 32) / mmToPx(size.width), (box.clientHeight - 32) / mmToPx(size.height)));
    };
    resize();
    addEventListener('resize', resize);
    return () => removeEventListener('resize', resize);
  }, [size.width, size.height]);

  // Draws the map for the sheet's map box whenever the paper or the language changes; a change
  // made while it draws abandons that drawing.
  useEffect(() => {
    const abort = new AbortController();
    setStatus('drawing');
    drawing.current = (async () => {
      // Lets the sheet lay out (and quick successive changes settle) before measuring it.
      await new Promise((r) => setTimeout(r, 150));
      const box = mapBox.current;
      const view = liveView();
      if (abort.signal.aborted) return;
      if (!box || !view) throw new Error('the map is not ready yet');
      const snap = await renderSnapshot(
        { width: box.clientWidth, height: box.clientHeight, pixelRatio: PRINT_PIXEL_RATIO, view: { bounds: view.bounds } },
        abort.signal,
      );
      const blob = await new Promise<Blob | null>((r) => snap.canvas.toBlob(r, 'image/png'));
      if (!blob) throw new Error('the browser could not encode the map');
      if (abort.signal.aborted) return;
      const url = URL.createObjectURL(blob);
      setImage({ url, metresPerPx: metresPerPixel(snap.center[1], snap.zoom) });
      setStatus('ready');
    })().catch((e: Error) => {
      if (abort.signal.aborted) return;
      setError(e.message);
      setStatus('failed');
    });
    return () => abort.abort();
  }, [paper, orientation, l]);
  // The sheet keeps the last map until the next is drawn; a replaced map's URL is released.
  useEffect(() => () => image && URL.revokeObjectURL(image.url), [image]);

  // Focus moves into the dialog, Escape closes it and focus returns to what opened it.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') printOpen.value = false;
    };
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, []);

  const onPrint = async () => {
    await drawing.current;
    window.print();
  };
  const scale = image ? scaleBar(image.metresPerPx, 150) : null;

  return (
    <div class="print-view" role="dialog" aria-modal="true" aria-labelledby="print-dialog-title">
      <div class="print-controls">
        <h2 id="print-dialog-title">{t('printTitle', l)}</h2>
        <label>
          {t('paper', l)}
          <select ref={first} value={paper} onChange={(e) => setPaper((e.target as HTMLSelectElement).value as Paper)}>
            {(Object.keys(PAPERS) as Paper[]).map((p) => (
              <option key={p} value={p}>
                {PAPERS[p].label}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="print-orientation">
          <legend>{t('orientation', l)}</legend>
          {(['landscape', 'portrait'] as const).map((o) => (
            <label key={o}>
              <input type="radio" name="orientation" value={o} checked={orientation === o} onChange={() => setOrientation(o)} />
              {t(o, l)}
            </label>
          ))}
        </fieldset>
        <label class="print-title-field">
          {t('mapTitle', l)}
          <input type="text" value={mapTitle(l)} onInput={(e) => (customTitle.value = (e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" class="print-now" onClick={onPrint} disabled={status !== 'ready'}>
          {t('printNow', l)}
        </button>
        <button type="button" class="close" onClick={() => (printOpen.value = false)} aria-label={t('close', l)} title={t('close', l)}>
          ×
        </button>
        <p class="print-status" role="status" aria-live="polite">
          {status === 'drawing' ? t('preparingMap', l) : status === 'ready' ? t('mapReady', l) : `${t('mapFailed', l)}: ${error}`}
        </p>
      </div>
      <div class="print-preview" ref={preview}>
        <div class="print-frame" style={{ '--fit': fit, '--sheet-w': `${mmToPx(size.width)}px`, '--sheet-h': `${mmToPx(size.height)}px` }}>
          <article
            class={`print-sheet ${paper} ${orientation}`}
            data-paper={`${paper}-${orientation}`}
            data-ready={status === 'ready' ? 'true' : undefined}
            style={{ width: `${size.width}mm`, height: `${size.height}mm` }}
          >
            <header class="print-header">
              <h1>{mapTitle(l)}</h1>
              <p>{mapSubtitle(l)}</p>
            </header>
            <div class="print-body">
              <figure class="print-map" ref={mapBox}>
                {image && <img src={image.url} alt={`${t('mapLabel', l)}: ${mapTitle(l)}`} />}
                <svg class="print-north" viewBox="0 0 40 56" role="img" aria-label={t('northArrow', l)}>
                  <title>{t('northArrow', l)}</title>
                  <path d="M20 16 L31 50 L20 42 L9 50 Z" />
                  <text x="20" y="13" text-anchor="middle">
                    {t('north', l)}
                  </text>
                </svg>
                {scale && image && (
                  <figcaption class="print-scale">
                    <span class="print-scale-bar" style={{ width: `${scale.px}px` }} />
                    <span>
                      {scale.label} · {t('scale', l)} 1 : {formatNumber(scaleDenominator(image.metresPerPx), l)}
                    </span>
                  </figcaption>
                )}
              </figure>
              <aside class="print-legend" aria-label={t('legendTitle', l)}>
                <h2>{t('legendTitle', l)}</h2>
                <PrintLegend legends={drawnLegends()} lang={l} />
              </aside>
            </div>
            <footer class="print-footer">
              <h2>{t('sourcesAndLicences', l)}</h2>
              <ul>
                {licenceLines(l).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p>{tf('madeOn', l, { date: formatDate(todayIso(), l), url: location.origin })}</p>
            </footer>
          </article>
        </div>
      </div>
    </div>
  );
}
