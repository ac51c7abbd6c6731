import { computed } from '@preact/signals';
import { memo } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { nearestStop, stepKey, timelineStops } from '../lib/timeline.ts';
import { todayIso, type UnitChoice } from '../lib/url-state.ts';
import { marks, record, shownSet } from '../state/derived.ts';
import { setLabel, theProvince } from '../state/province.ts';
import { asOf, lang, stepTime, unitChoice } from '../state/ui-state.ts';
import { formatDate, t, tf } from './i18n.ts';

const PLAY_STEP_MS = 300;

/**
 * The timeline, from the province's timeline start to today: drag, step, play and pause; the arrow keys step time wherever the
 * focus is in it. Each stop recolours the map from the record already loaded (no request). Marks
 * show recognition batches, the two unit changes and reported milestones: one tab stop, arrows
 * move between them. The switch chooses the units the map is drawn on. On a phone only the
 * controls row shows until it is unfolded. A step in time re-renders the controls, the date and
 * the slider; the unit switch, the marks and the years only when what they show changes.
 */
export function Timeline() {
  const l = lang.value;
  const date = asOf.value;
  const today = todayIso();
  // The month ends are the same at every step: only a date off them (from a link) is added.
  const monthEnds = useMemo(() => timelineStops(theProvince(), today), [today]);
  const stops = monthEnds.includes(date) ? monthEnds : timelineStops(theProvince(), today, [date]);
  const index = nearestStop(stops, date);
  // Playing and folding are this control's own transient state, not part of the URL.
  const [playing, setPlaying] = useState(false);
  const [open, setOpen] = useState(false);
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
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    // The unit switch uses the arrow keys its own way, and so does the slider for plain arrows (a
    // month, as here) and Home/End; Shift+arrows step a year here, where the browser would move one stop.
    if (target.matches('input[type=radio]') || (target.matches('input[type=range]') && !e.shiftKey)) return;
    const by = stepKey(e);
    if (!by) return;
    e.preventDefault();
    stepTime(by);
  };
  return (
    <section class={`timeline${open ? ' open' : ''}`} aria-label={t('timeline', l)} onKeyDown={onKeyDown}>
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
        <UnitsSwitch />
        <button type="button" class="timeline-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('timelineLess', l) : t('timelineMore', l)}
        </button>
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
        <TimelineMarks />
        <TimelineYears />
      </div>
    </section>
  );
}

/** The units the map is drawn on: by date, the old or the new units, and which are shown. */
const UnitsSwitch = memo(function UnitsSwitch() {
  const l = lang.value;
  return (
    <>
      <fieldset class="units-switch">
        <legend class="visually-hidden">{t('unitsShown', l)}</legend>
        {(['auto', 'old', 'new'] as UnitChoice[]).map((c) => (
          <label key={c}>
            <input type="radio" name="units" value={c} checked={unitChoice.value === c} onChange={() => (unitChoice.value = c)} />
            {tf(`units_${c}`, l, { n: record.value?.units['2025'].communes.length ?? '…' })}
          </label>
        ))}
      </fieldset>
      <span class="units-shown" data-testid="units-shown">
        {setLabel(shownSet.value, l)}
      </span>
    </>
  );
});

/** Where a date sits on the track, from the timeline's start to today, as a CSS length. */
function trackLeft(date: string, today = todayIso()): string {
  const start = Date.parse(theProvince().timelineStart);
  return `${(100 * (Date.parse(date) - start)) / (Date.parse(today) - start)}%`;
}

/** The latest mark at or before the date: the marks' tab stop until one is focused. */
const markAtDate = computed(() =>
  Math.max(
    0,
    marks.value.findLastIndex((m) => m.date <= asOf.value),
  ),
);

/** The marks on the track; a step in time re-renders them only when it passes one. */
const TimelineMarks = memo(function TimelineMarks() {
  const l = lang.value;
  const list = marks.value;
  // The roving focus is this list's own transient state, not part of the URL.
  const [current, setCurrent] = useState<number | null>(null);
  const markList = useRef<HTMLOListElement>(null);
  // Where each mark sits and what it says: made once per list, language and day, not when the tab stop moves.
  const today = todayIso();
  const placed = useMemo(() => list.map((m) => ({ left: trackLeft(m.date, today), name: `${formatDate(m.date, l)} — ${m.label[l]}` })), [list, l, today]);
  // The marks' one tab stop: the last one focused, else the latest at or before the date.
  const roving = current ?? markAtDate.value;
  const focusMark = (i: number) => {
    const next = Math.max(0, Math.min(list.length - 1, i));
    setCurrent(next);
    (markList.current?.querySelectorAll('button')[next] as HTMLButtonElement | undefined)?.focus();
  };
  const onMarkKey = (e: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowRight: roving + 1,
      ArrowDown: roving + 1,
      ArrowLeft: roving - 1,
      ArrowUp: roving - 1,
      Home: 0,
      End: list.length - 1,
    };
    if (!(e.key in keys)) return;
    e.preventDefault();
    e.stopPropagation();
    focusMark(keys[e.key]);
  };
  return (
    <ol class="timeline-marks" aria-label={t('timelineMarks', l)} ref={markList}>
      {list.map((m, i) => (
        <li key={i} class={`mark mark-${m.kind}`} style={{ left: placed[i].left }}>
          <button
            type="button"
            tabIndex={i === roving ? 0 : -1}
            title={placed[i].name}
            aria-label={placed[i].name}
            onClick={() => {
              setCurrent(i);
              asOf.value = m.date;
            }}
            onFocus={() => setCurrent(i)}
            onKeyDown={onMarkKey}
          />
        </li>
      ))}
    </ol>
  );
});

/** The years under the track: the same at every step. */
const TimelineYears = memo(function TimelineYears() {
  const start = theProvince().timelineStart;
  const firstYear = Number(start.slice(0, 4)) + (start.endsWith('-01-01') ? 0 : 1);
  return (
    <div class="timeline-years" aria-hidden="true">
      {Array.from({ length: Number(todayIso().slice(0, 4)) - firstYear + 1 }, (_, i) => firstYear + i).map((y) => (
        <span key={y} style={{ left: trackLeft(`${y}-01-01`) }}>
          {y}
        </span>
      ))}
    </div>
  );
});
