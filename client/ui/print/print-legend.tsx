import { type Legend, legendProvenance } from '../../layers/legend.ts';
import { theProvince } from '../../state/province.ts';
import type { Lang } from '../../lib/label.ts';
import { Swatch } from '../swatch.tsx';

/** The legend of the layers drawn, for paper: every class and mark of each layer, as on screen but without counts. */
export function PrintLegend({ legends, lang }: { legends: readonly Legend[]; lang: Lang }) {
  return (
    <>
      {legends.map((legend) => (
        <section class="print-legend-layer" key={legend.layer.id}>
          <h3>{legend.layer.title[lang]}</h3>
          <ul>
            {legend.entries
              .filter((e) => e.key !== 'unknown' || e.count > 0)
              .map((e) => (
                <li key={e.key}>
                  <Swatch color={e.color} />
                  <span>{e.label[lang]}</span>
                </li>
              ))}
            {legend.marks.map(({ mark }) => (
              <li key={mark.id}>
                <Swatch color={mark.color} mark={mark.swatch} />
                <span>{mark.label[lang]}</span>
              </li>
            ))}
          </ul>
          {legend.layer.size && <p class="print-note">{legend.layer.size.label[lang]}</p>}
          <p class="print-note">{legendProvenance(legend, theProvince().unitSets, lang)}</p>
        </section>
      ))}
    </>
  );
}
