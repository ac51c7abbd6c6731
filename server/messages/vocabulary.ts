import type { AuditEntity } from '../catalog/audit.ts';
import type { ImportKindId } from '../catalog/imports.ts';
import type { Programme, Role } from '../domain/access.ts';
import type { ProducerType } from '../domain/ocop.ts';

/**
 * The product's own words in Vietnamese, as the interface says them, for messages that name a
 * role, a programme, a kind of record or of import (the English names them by their codes).
 */

/** Roles, programmes and import kinds in Vietnamese as the interface names them (client/ui/i18n.ts: role_*, programme_*, importKind_*); a test keeps them the same. */
export const ROLE_VI: Record<Role, string> = { admin: 'Quản trị', editor: 'Biên tập', viewer: 'Chỉ xem' };
export const PROGRAMME_VI: Record<Programme, string> = {
  ntm: 'Nông thôn mới',
  ocop: 'OCOP',
  zones: 'Vùng nguyên liệu',
  boundaries: 'Ranh giới hành chính',
  targets: 'Chỉ tiêu, số liệu báo cáo',
};
export const PRODUCER_TYPE_VI: Record<ProducerType, string> = { cooperative: 'Hợp tác xã', company: 'Doanh nghiệp', household: 'Hộ kinh doanh' };
/** The records an edit names, as the audit log words them (client/ui/i18n-editing.ts entity_*). */
export const ENTITY_VI: Record<AuditEntity, string> = {
  recognition: 'công nhận NTM',
  product: 'sản phẩm OCOP',
  zone: 'vùng nguyên liệu',
  target: 'chỉ tiêu',
  unit: 'đơn vị hành chính',
};
export const IMPORT_KIND_VI: Record<ImportKindId, string> = {
  'ntm-recognitions': 'Công nhận xã NTM',
  'ocop-products': 'Sản phẩm OCOP',
  zones: 'Vùng nguyên liệu',
  boundaries: 'Ranh giới đơn vị hành chính',
};
