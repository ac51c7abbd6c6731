import type { UnitNtmStatus } from '../../../server/domain/ntm-status.ts';
import { NTM_STATUS_COLORS } from '../../../server/catalog/palette.ts';
import { lang } from '../../state/ui-state.ts';
import { statusLabel } from '../i18n.ts';

/** An NTM status with the colour the map gives it. */
export function StatusBadge({ status }: { status: UnitNtmStatus }) {
  return (
    <span class="status-badge">
      <span class="dot" style={{ background: NTM_STATUS_COLORS[status] }} aria-hidden="true" />
      {statusLabel(status, lang.value)}
    </span>
  );
}
