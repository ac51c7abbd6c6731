import { localizeStated } from '../../lib/stated-text.ts';
import { cropTargets } from '../../state/derived.ts';
import { lang } from '../../state/ui-state.ts';
import { t } from '../i18n.ts';
import { SourceList } from '../sources.tsx';
import { cropTargetTitle } from './crop-target-title.ts';

/** A zone's crop-area targets (coffee 20,000 ha by 2030…) beside its current area, each with its source. */
export function CropTargets({ zoneId }: { zoneId: string }) {
  const l = lang.value;
  return (
    <>
      {(cropTargets.value.get(zoneId) ?? []).map((target) => (
        <div class="crop-target" key={target.id} data-testid="crop-target">
          <p>
            <strong>{cropTargetTitle(target, l)}</strong>{' '}
            <span class="muted">
              ({t('nowStated', l)}: {localizeStated(target.actual, l)})
            </span>
          </p>
          <SourceList sources={[target.source]} title={false} />
        </div>
      ))}
    </>
  );
}
