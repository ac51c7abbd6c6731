import { useId } from 'preact/hooks';
import type { LayerMark } from '../../server/catalog/layer-registry.ts';
import { NEUTRAL } from '../layers/theme.ts';

/** A legend swatch: a class colour, or the look of a mark (outline, hatch, ring). */
export function Swatch({ color, mark }: { color: string; mark?: LayerMark['swatch'] }) {
  const common = { width: 22, height: 16, viewBox: '0 0 22 16' } as const;
  // Pattern ids are unique per swatch: the same legend is drawn on screen and on the print sheet.
  const patternId = `hatch-${useId()}`;
  switch (mark) {
    case 'dashed-outline':
    case 'dotted-outline':
    case 'thick-outline':
      return (
        <svg {...common} aria-hidden="true">
          <rect
            x="2"
            y="2"
            width="18"
            height="12"
            fill={NEUTRAL.paper}
            stroke={color}
            stroke-width={mark === 'thick-outline' ? 4 : 2.5}
            stroke-dasharray={mark === 'dashed-outline' ? '5 2.5' : mark === 'dotted-outline' ? '1.5 2.5' : undefined}
          />
        </svg>
      );
    case 'hatch':
      return (
        <svg {...common} aria-hidden="true">
          <defs>
            <pattern id={patternId} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="5" stroke={color} stroke-width="2" />
            </pattern>
          </defs>
          <rect x="1.5" y="1.5" width="19" height="13" fill={`url(#${patternId})`} stroke={color} stroke-width="1.5" stroke-dasharray="4 2" />
        </svg>
      );
    case 'ring':
      return (
        <svg {...common} aria-hidden="true">
          <circle cx="11" cy="8" r="6" fill={NEUTRAL.paper} stroke={color} stroke-width="3" />
        </svg>
      );
    default:
      return (
        <svg {...common} aria-hidden="true">
          <rect x="1" y="1" width="20" height="14" rx="2" fill={color} stroke={NEUTRAL.edge} stroke-width="0.6" />
        </svg>
      );
  }
}
