import { describe, expect, it } from 'vitest';
import { commonPasswords, hashPassword, passwordProblem, verifyDecoy, verifyPassword } from '../../server/auth/passwords.ts';
import { loginBodySchema, newUserSchema, PASSWORD_MIN_LENGTH, passwordSchema } from '../../server/domain/accounts.ts';

describe('password storage (argon2id)', () => {
  it('hashes with argon2id at OWASP’s parameters, salted: two hashes of one password differ', async () => {
    const a = await hashPassword('đồi chè Tủa Chùa mùa xuân');
    const b = await hashPassword('đồi chè Tủa Chùa mùa xuân');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('đồi chè');
  });

  it('verifies the exact password only: no truncation, no case folding', async () => {
    const password = 'Đồi chè Tủa Chùa mùa xuân năm 2025 '.repeat(3);
    const stored = await hashPassword(password);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, password.toLowerCase())).toBe(false);
    expect(await verifyPassword(stored, password.slice(0, 72))).toBe(false);
    expect(await verifyPassword(stored, password.trim())).toBe(false);
  });

  it('treats a malformed stored hash as a failed verification, and the decoy never succeeds', async () => {
    expect(await verifyPassword('not a hash', 'anything at all here')).toBe(false);
    expect(await verifyDecoy('anything at all here')).toBe(false);
  });
});

describe('password policy (ASVS 6.2)', () => {
  it(`needs at least ${PASSWORD_MIN_LENGTH} characters and accepts 64 and more (up to 256)`, () => {
    expect(passwordSchema.safeParse('a'.repeat(PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(passwordSchema.safeParse('y'.repeat(64)).success).toBe(true);
    expect(passwordSchema.safeParse('z'.repeat(257)).success).toBe(false);
  });

  it('has no composition rules: any characters, spaces and Vietnamese included', () => {
    for (const p of ['chỉ chữ thường và dấu cách', '000000000000000000007', '🌾🌾🌾🌾🌾🌾🌾🌾🌾🌾🌾🌾🌾🌾🌾']) {
      expect(passwordSchema.safeParse(p).success).toBe(true);
      expect(passwordProblem(p, 'lan')).toBeNull();
    }
  });

  it('keeps the password as typed except for Unicode NFC (composed and decomposed Vietnamese are one password)', () => {
    const composed = 'Mường Phăng mùa hoa ban';
    const decomposed = composed.normalize('NFD');
    expect(passwordSchema.parse(decomposed)).toBe(composed);
    expect(loginBodySchema.parse({ login: 'Lan ', password: ` ${decomposed} ` }).password).toBe(` ${composed} `);
  });

  it('checks against at least 3000 breached passwords long enough for the policy (ASVS 6.2.4)', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(3000);
    for (const p of commonPasswords()) expect(p.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
  });

  it('refuses common passwords (any case), the login and the system’s own words', () => {
    expect(passwordProblem('1qaz2wsx3edc4rfv', 'lan')?.en).toMatch(/common/);
    expect(passwordProblem('PasswordPassword', 'lan')?.en).toMatch(/common/);
    expect(passwordProblem('nguyenthilan-2025!!', 'nguyenthilan')?.en).toMatch(/login/);
    expect(passwordProblem('OCOP-OCOP-2025!!', 'lan')?.en).toMatch(/system/);
    // The province's places are the data's: another province's names are refused there, not here.
    const places = ['Điện Biên', 'Tỉnh Điện Biên', 'Mường Chà'];
    expect(passwordProblem('DienBien2025!!!!', 'lan', places)?.en).toMatch(/places/);
    expect(passwordProblem('Điện Biên 1954 !!!', 'lan', places)?.en).toMatch(/places/);
    expect(passwordProblem('muongcha-MUONGCHA', 'lan', places)?.en).toMatch(/places/);
    expect(passwordProblem('DienBien2025!!!!', 'lan', ['Lai Châu'])).toBeNull();
    expect(passwordProblem('ban mai trên cánh đồng Mường Thanh', 'lan')).toBeNull();
  });

  it('is checked when a user is created: the schema names the field', () => {
    const r = newUserSchema.safeParse({ login: 'lan', name: 'Lan', role: 'viewer', password: 'short' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['password']);
  });
});
