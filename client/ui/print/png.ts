import { shownBoundaryLicence } from '../../map/map-state.ts';
import { liveView } from '../../map/map-view.tsx';
import { renderSnapshot } from '../../map/snapshot.ts';
import { metresPerPixel, scaleBar } from '../../lib/scale-bar.ts';
import { licenceNote, provinceSlug } from '../../state/province.ts';
import { asOf, lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { drawDecorations, MAX_SCALE_PX, planDecorations } from './map-decorations.ts';
import { drawnLegends, mapSubtitle, mapTitle } from './map-summary.ts';

/** The saved image is the map at twice its size on screen. */
export const PNG_PIXEL_RATIO = 2;

/**
 * Saves the map as on screen (same size, the area the panels leave in sight) as a PNG at twice
 * the resolution, with its title, date and units, legend, scale bar, north arrow and licence
 * drawn on. As the print does, that area is fitted into the room the decorations leave, so none
 * covers the map's content (a phone's legend takes the image's width). Returns the file name.
 */
export async function saveMapPng(): Promise<string> {
  const live = liveView();
  if (!live) throw new Error('the map is not ready yet');
  const l = lang.value;
  await Promise.all([document.fonts.load(`700 16px "Noto Sans"`), document.fonts.load(`400 16px "Noto Sans"`)]);
  const plan = planDecorations(document.createElement('canvas').getContext('2d')!, live.width, live.height, {
    title: mapTitle(l),
    subtitle: mapSubtitle(l),
    legends: drawnLegends(),
    north: t('north', l),
    licence: licenceNote(l, shownBoundaryLicence()),
    lang: l,
  });
  const snap = await renderSnapshot({
    width: live.width,
    height: live.height,
    pixelRatio: PNG_PIXEL_RATIO,
    view: { bounds: live.visibleBounds, padding: plan.layout.mapPadding },
  });
  drawDecorations(snap.canvas, snap.pixelRatio, plan, scaleBar(metresPerPixel(snap.center[1], snap.zoom), MAX_SCALE_PX));
  const blob = await new Promise<Blob>((resolve, reject) =>
    snap.canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
  const file = `ban-do-${provinceSlug()}-${asOf.value}.png`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}
