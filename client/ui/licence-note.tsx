import { licenceNote } from '../state/province.ts';
import { lang } from '../state/ui-state.ts';

/** The boundaries' and the base map's licences (the province's data), under the legend and on the start screen. */
export function LicenceNote() {
  return <p class="provenance">{licenceNote(lang.value)}</p>;
}
