import { useEffect, useState } from 'preact/hooks';
import { type UnitChoice, todayIso } from '../lib/url-state.ts';
import { nearestStop, TIMELINE_START, timelineStops } from '../lib/timeline.ts';
import { marks, shownSet } from '../state/derived.ts';
import { asOf, lang, unitChoice } from '../state/ui-state.ts';
import { formatDate, t } from './i18n.ts';

const PLAY_STEP_MS = 300;

/**
 * The timeline, 2015 → today: drag, step, play and pause. Each stop recolours the map from the
 * record already loaded (no request). Marks show recognition batches, the two unit changes and
 * reported milestones; the switch chooses the units the map is drawn on.
 */
export function Timeline() {
  const l = lang.value;
  const date = asOf.value;
  const today = todayIso();
  const stops = timelineStops(today, [date]);
  const index = nearestStop(stops, date);
  // Playing is this control's own transient state, not part of the URL.
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const i = nearestStop(stops, asOf.peek());
      if (i >= stops.length - 1) setPlaying(false);
      else asOf.value = stops[i + 1];
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing]);
  const go = (i: number) => (asOf.value = stops[Math.max(0, Math.min(stops.length - 1, i))]);
  const span = Date.parse(today) - Date.parse(TIMELINE_START);
  const at = (d: string) => `${(100 * (Date.parse(d) - Date.parse(TIMELINE_START))) / span}%`;
  return (
    <section class="timeline" aria-label={t('timeline', l)}>
      <div class="timeline-controls">
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing} class="play">
          {playing ? `⏸ ${t('pause', l)}` : `▶ ${t('play', l)}`}
        </button>
        <button type="button" onClick={() => go(index - 1)} aria-label={t('stepBack', l)} title={t('stepBack', l)}>
          ◀
        </button>
        <button type="button" onClick={() => go(index + 1)} aria-label={t('stepForward', l)} title={t('stepForward', l)}>
          ▶
        </button>
        <output class="timeline-date" aria-live="polite">
          {t('asOf', l)} <strong>{formatDate(date, l)}</strong>
        </output>
        <fieldset class="units-switch">
          <legend class="visually-hidden">{t('unitsShown', l)}</legend>
          {(['auto', 'old', 'new'] as UnitChoice[]).map((c) => (
            <label key={c}>
              <input type="radio" name="units" value={c} checked={unitChoice.value === c} onChange={() => (unitChoice.value = c)} />
              {t(`units_${c}`, l)}
            </label>
          ))}
        </fieldset>
        <span class="units-shown" data-testid="units-shown">
          {t(shownSet.value === '2019' ? 'units2019' : shownSet.value === '2020' ? 'units2020' : 'units2025', l)}
        </span>
      </div>
      <div class="timeline-track">
        <input
          type="range"
          min={0}
          max={stops.length - 1}
          step={1}
          value={index}
          aria-label={t('timeline', l)}
          aria-valuetext={formatDate(date, l)}
          onInput={(e) => go(Number((e.target as HTMLInputElement).value))}
        />
        <ol class="timeline-marks" aria-label={t('timelineMarks', l)}>
          {marks.value.map((m, i) => (
            <li key={i} class={`mark mark-${m.kind}`} style={{ left: at(m.date) }}>
              <button
                type="button"
                title={`${formatDate(m.date, l)} — ${m.label[l]}`}
                aria-label={`${formatDate(m.date, l)} — ${m.label[l]}`}
                onClick={() => (asOf.value = m.date)}
              />
            </li>
          ))}
        </ol>
        <div class="timeline-years" aria-hidden="true">
          {Array.from({ length: Number(today.slice(0, 4)) - 2014 }, (_, i) => 2015 + i).map((y) => (
            <span key={y} style={{ left: at(`${y}-01-01`) }}>
              {y}
            </span>
          ))}
        </div>
      </div>
    </section>
  );
}
