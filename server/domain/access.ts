import type { UnitSet } from './unit-sets.ts';

/**
 * Who may change what. Pure and isomorphic: the server enforces it (server/auth/authorize.ts)
 * and the client reads it only to show or hide edit controls.
 *
 * - admin: users, all data, restore, revert.
 * - editor: the programmes named in their scope and, when the scope names units, only those
 *   units — a district also covers its communes.
 * - viewer: reads (the role of private deployments, REQUIRE_LOGIN=1); changes nothing.
 */
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The parts of the record an editor can be trusted with, one scope each. */
export const PROGRAMMES = ['ntm', 'ocop', 'zones', 'boundaries', 'targets'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** A unit of one unit set: codes are only unique within a set. */
export interface UnitRef {
  set: UnitSet;
  code: string;
}

/** What an edit touches: a unit and, for a commune, its district (so a district scope covers it). */
export interface EditTarget extends UnitRef {
  district?: string | null;
}

/** The part of a user the rules read. */
export interface Principal {
  role: Role;
  programmes: readonly Programme[];
  units: readonly UnitRef[];
}

/**
 * May `who` change data of `programme` on `unit`? Without a unit (a province-wide fact such as
 * a target), only admins and editors with no unit scope may. Anonymous (null) never may.
 */
export function canEdit(who: Principal | null, programme: Programme, unit?: EditTarget): boolean {
  if (!who) return false;
  if (who.role === 'admin') return true;
  if (who.role !== 'editor' || !who.programmes.includes(programme)) return false;
  if (who.units.length === 0) return true;
  if (!unit) return false;
  return who.units.some((s) => s.set === unit.set && (s.code === unit.code || (!!unit.district && s.code === unit.district)));
}
