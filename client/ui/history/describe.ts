import type { AuditAction, AuditKind } from '../../../server/catalog/audit.ts';
import type { Programme, Role } from '../../../server/domain/access.ts';
import { CROPS, type Crop } from '../../../server/domain/crops.ts';
import type { NtmStatus } from '../../../server/domain/ntm-status.ts';
import { sameFact, type ZoneFact } from '../../../server/domain/zone-facts.ts';
import type { Lang } from '../../lib/label.ts';
import { formatDate, formatInstant, formatInstantDate, formatNumber, statusLabel, t } from '../i18n.ts';
import { factAreaText } from '../zone-facts.ts';
import { EDITING_STRINGS, te, type EditingKey } from '../i18n-editing.ts';

/** One changed field in words: "Mức đạt chuẩn: chưa có → đạt chuẩn". */
export interface ChangedField {
  label: string;
  before: string | null;
  after: string | null;
}

type Rec = Record<string, unknown>;
/** Names for the codes and ids a record holds (units of 2020–2025, products, sources); the code itself when unknown, null for an unknown source. */
export type Names = { unit: (code: string) => string; product: (id: string) => string; source?: (id: number) => string | null };
type Field = { key: EditingKey; read: (r: Rec, l: Lang, names: Names) => string | null };
const asIs: Names = { unit: (c) => c, product: (id) => id };

const date = (v: unknown, l: Lang) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDate(v.slice(0, 10), l) : null);
/** An instant (a retraction's time) as the province's date, not the UTC one its ISO string begins with. */
const instantDate = (v: unknown, l: Lang) => (typeof v === 'string' && v ? formatInstantDate(v, l) : null);
const plain = (v: unknown, l: Lang) => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? formatNumber(v, l) : String(v));
const decision = (v: unknown, l: Lang) => {
  const d = v as { ref: string; date: string | null } | null;
  return d ? [d.ref, date(d.date, l)].filter(Boolean).join(', ') : null;
};
const get = (k: string) => (r: Rec, l: Lang) => plain(r[k], l);

/** The fields a reader cares about, per kind of record, in the order a card shows them. */
const FIELDS: Record<string, Field[]> = {
  recognition: [
    { key: 'ntmStatus', read: (r, l) => (r.status ? statusLabel(r.status as NtmStatus, l) : null) },
    { key: 'yearForLabel', read: (r) => (r.yearFor === null || r.yearFor === undefined ? null : String(r.yearFor)) },
    { key: 'decision', read: (r, l) => decision(r.decision, l) },
    { key: 'criteriaMet', read: (r, l) => (r.criteriaMet === null || r.criteriaMet === undefined ? null : `${plain(r.criteriaMet, l)}/19`) },
    { key: 'criteriaTextLabel', read: get('criteriaText') },
    { key: 'retractedLabel', read: (r, l) => (r.retracted ? `${instantDate((r.retracted as Rec).at, l)} — ${(r.retracted as Rec).reason}` : null) },
  ],
  product: [
    { key: 'productName', read: get('name') },
    { key: 'stars', read: (r) => (r.stars ? `${r.stars}★` : null) },
    { key: 'group', read: get('group') },
    // Unit names carry their kind ("Thị trấn Mường Chà", "Huyện Tủa Chùa"): the labels do not repeat one.
    { key: 'whereUnit', read: (r, _l, n) => (typeof r.communeCode === 'string' ? n.unit(r.communeCode) : null) },
    { key: 'whereDistrict', read: (r, _l, n) => (typeof r.districtCode === 'string' ? n.unit(r.districtCode) : null) },
    { key: 'place', read: (r) => (Array.isArray(r.point) ? (r.point as number[]).map((x) => x.toFixed(5)).join(', ') : null) },
    {
      key: 'certificates',
      read: (r, l) =>
        Array.isArray(r.ratings)
          ? (r.ratings as Rec[])
              .map((x) => `${x.stars}★ ${decision(x.decision, l) ?? x.year ?? ''}${x.expiresOn ? ` → ${date(x.expiresOn, l)}` : ''}`.trim())
              .join('; ')
          : null,
    },
  ],
  zone: [
    { key: 'zoneName', read: get('name') },
    { key: 'crop', read: (r, l) => (r.crop ? (CROPS[r.crop as Crop]?.[l] ?? String(r.crop)) : null) },
    { key: 'area', read: (r, l) => (r.areaHa === null || r.areaHa === undefined ? null : `${plain(r.areaHa, l)} ha`) },
    { key: 'yearLabel', read: get('year') },
    { key: 'shape', read: (r, l) => (r.extent ? te(`extent_${r.extent as 'communes' | 'district' | 'surveyed'}`, l) : null) },
    { key: 'whereUnit', read: (r, _l, n) => (Array.isArray(r.communeCodes) ? (r.communeCodes as string[]).map(n.unit).join(', ') : null) },
    {
      key: 'linkedProducts',
      read: (r, _l, n) => (Array.isArray(r.productLinks) ? (r.productLinks as Rec[]).map((p) => n.product(String(p.id))).join(', ') || null : null),
    },
  ],
  // Changes to accounts and tokens (the admins' audit log only): as the users page shows them.
  account: [
    { key: 'loginName', read: get('login') },
    { key: 'fullName', read: get('name') },
    { key: 'role', read: (r, l) => (r.role ? t(`role_${r.role as Role}`, l) : null) },
    {
      key: 'programmes',
      read: (r, l) => (Array.isArray(r.programmes) ? (r.programmes as Programme[]).map((p) => t(`programme_${p}`, l)).join(', ') || null : null),
    },
    { key: 'unitScope', read: (r) => (Array.isArray(r.units) ? (r.units as Rec[]).map((u) => `${u.set}:${u.code}`).join(', ') || null : null) },
    { key: 'accountStatus', read: (r, l) => (r.disabled === undefined ? null : t(r.disabled ? 'disabled' : 'active', l)) },
    { key: 'passwordSetAt', read: (r, l) => (typeof r.passwordChangedAt === 'string' ? formatInstant(r.passwordChangedAt, l) : null) },
    { key: 'sessionsCount', read: get('activeSessions') },
  ],
  api_token: [
    { key: 'loginName', read: get('user') },
    { key: 'tokenName', read: get('name') },
    { key: 'expires', read: (r, l) => instantDate(r.expiresAt, l) },
    { key: 'tokenRevokedAt', read: (r, l) => (typeof r.revokedAt === 'string' ? formatInstant(r.revokedAt, l) : null) },
  ],
  // A login lockout (created by the login throttle) and its end (deleted by an unlock): never what was typed.
  lockout: [
    { key: 'loginName', read: get('user') },
    { key: 'failedLogins', read: get('failures') },
    { key: 'lockedUntil', read: (r, l) => (typeof r.lockedUntil === 'string' ? formatInstant(r.lockedUntil, l) : null) },
    { key: 'clientAddress', read: get('address') },
  ],
  target: [
    { key: 'indicatorLabel', read: get('indicator') },
    { key: 'target', read: (r) => [r.targetText, r.targetYear].filter((x) => x !== null && x !== undefined).join(' · ') || null },
    { key: 'reported', read: (r, l) => [r.actualText, date(r.actualDate, l)].filter(Boolean).join(' · ') || null },
  ],
};

const factsOf = (r: Rec | null): ZoneFact[] => (r && Array.isArray(r.facts) ? (r.facts as ZoneFact[]) : []);

/** A sourced figure in words: "120 ha (2025), nguồn: Báo cáo Sở NN 2025". */
function factWords(f: ZoneFact, l: Lang, names: Names): string {
  const id = f.citation.sourceId;
  const title = typeof id === 'number' ? names.source?.(id) : null;
  return `${factAreaText(f, l) ?? te('noAreaGiven', l)}${f.year ? ` (${f.year})` : ''}${title ? `, ${te('source', l).toLowerCase()}: ${title}` : ''}`;
}

/** The sourced figures a zone's change adds or removes, one line each ("Thêm số liệu theo nguồn: 120 ha (2025), nguồn: …"). */
function factChanges(b: Rec | null, a: Rec | null, l: Lang, names: Names): ChangedField[] {
  const before = factsOf(b);
  const after = factsOf(a);
  return [
    ...after.filter((f) => !before.some((g) => sameFact(f, g))).map((f) => ({ label: te('factAdded', l), before: null, after: factWords(f, l, names) })),
    ...(a
      ? before.filter((f) => !after.some((g) => sameFact(f, g))).map((f) => ({ label: te('factRemoved', l), before: factWords(f, l, names), after: null }))
      : []),
  ];
}

/** What changed between two versions of a record, field by field, in readable words; unchanged fields are left out. */
export function changedFields(entity: string, before: unknown, after: unknown, l: Lang, names: Names = asIs): ChangedField[] {
  const fields = FIELDS[entity] ?? [];
  const b = (before ?? null) as Rec | null;
  const a = (after ?? null) as Rec | null;
  return [
    ...fields
      .map((f) => ({ label: te(f.key, l), before: b ? f.read(b, l, names) : null, after: a ? f.read(a, l, names) : null }))
      .filter((c) => c.before !== c.after),
    ...(entity === 'zone' ? factChanges(b, a, l, names) : []),
  ];
}

/** The action in words ("Ghi nhận", "Sửa", "Thu hồi", "Xoá", "Hoàn tác"). */
export function actionLabel(action: AuditAction, l: Lang): string {
  return te(`action_${action}`, l);
}

/**
 * The kind of record in words: every kind the audit log knows has its label `entity_<kind>` (the record kinds,
 * accounts and API tokens, checked by type); an unknown one as it is.
 */
export function entityLabel(entity: string, l: Lang): string {
  const key = `entity_${entity}`;
  return Object.hasOwn(EDITING_STRINGS, key) ? te(key as `entity_${AuditKind}`, l) : entity;
}
