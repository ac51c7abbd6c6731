import { useEffect, useRef, useState } from 'preact/hooks';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '../../server/catalog/download-formats.ts';
import { FORMAT_LABELS } from '../lib/download-urls.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';
import { Icon } from './icon.tsx';

/**
 * A download control: a disclosure listing one link per format (GeoJSON, CSV, XLSX, GeoPackage,
 * KML) to the server's downloads of what is shown. Plain links: the browser downloads, the server
 * names the file. `compact` shows only the icon (the map's tool column). The links are made while
 * it is open: a closed menu reads nothing, so a step in time does not re-render it.
 */
export function DownloadMenu({ label, url, compact = false }: { label: string; url: (format: DownloadFormat) => string | null; compact?: boolean }) {
  const l = lang.value;
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // Closes on a click elsewhere or Escape, like a menu.
    const onDown = (e: Event) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  const links = open
    ? DOWNLOAD_FORMATS.map((f) => ({ format: f, href: url(f) })).filter((x): x is { format: DownloadFormat; href: string } => x.href !== null)
    : [];
  return (
    <details class={`download-menu${compact ? ' compact' : ''}`} ref={ref} onToggle={() => setOpen(!!ref.current?.open)}>
      {/* The click opens it: the links are there before it shows (the toggle event comes a task later). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a summary is the details' own button; Enter and Space click it */}
      <summary title={label} aria-label={compact ? label : undefined} onClick={() => setOpen(!ref.current?.open)}>
        <Icon name="download" />
        {!compact && <span>{label}</span>}
      </summary>
      <div class="download-list">
        <p class="download-title">{label}</p>
        {!open ? null : links.length ? (
          <ul>
            {links.map(({ format, href }) => (
              <li key={format}>
                <a href={href} download data-format={format}>
                  {FORMAT_LABELS[format][l]}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">{t('noTable', l)}</p>
        )}
        <p class="muted small">{t('downloadNote', l)}</p>
      </div>
    </details>
  );
}
