import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { COMMAND_LINE } from '../server/auth/account-log.ts';
import { createAuth } from '../server/auth/auth.ts';
import { placeNames } from '../server/catalog/data.ts';
import { tokenView } from '../server/auth/views.ts';
import { readConfig } from '../server/config.ts';
import { PROGRAMMES, type UnitRef } from '../server/domain/access.ts';
import { loginSchema, newTokenSchema, newUserSchema, userPatchSchema } from '../server/domain/accounts.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import type { User } from '../server/db/users.ts';
import { isEmpty } from '../server/db/seed.ts';
import { loadSnapshot } from '../server/db/snapshot.ts';
import { createStore } from '../server/db/store.ts';
import { ApiError } from '../server/http/errors.ts';
import { readNewPassword } from './lib/read-secret.ts';

const USAGE = `Accounts of the NTM & OCOP map (database: DB_PATH, default data/app.db).

  npm run user -- add <login> --role admin|editor|viewer [--name "Full name"] [--programme ntm,ocop,…] [--unit 2020:095 …]
  npm run user -- list
  npm run user -- set-password <login>
  npm run user -- set-role <login> --role … [--programme …] [--unit …]
  npm run user -- disable <login>          (ends their sessions; tokens stop working)
  npm run user -- enable <login>
  npm run user -- end-sessions <login>
  npm run user -- unlock <login>           (clears failed-login throttling)
  npm run user -- token create <login> --name qgis [--days 180]
  npm run user -- token list <login>
  npm run user -- token revoke <login> <token id>

Passwords are read from the terminal without echo, or from standard input:
  printf '%s\\n' "$PASSWORD" | npm run user -- add lan --role admin --name "Nguyễn Thị Lan"
There is no default account and no default password. Programmes: ${PROGRAMMES.join(', ')}.
Units are <unit set>:<code> (2019, 2020 or 2025; 3-digit districts, 5-digit communes).
Every change is in the audit log, by "${COMMAND_LINE.login}".`;

class UsageError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    programme: { type: 'string', multiple: true },
    unit: { type: 'string', multiple: true },
    days: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const list = (v: string[] | undefined) => v?.flatMap((s) => s.split(',')).filter(Boolean);
const units = (v: string[] | undefined): UnitRef[] | undefined =>
  list(v)?.map((s) => {
    const [set, code] = s.split(':');
    if (!set || !code) throw new UsageError(`--unit ${s}: write <unit set>:<code>, e.g. 2020:095`);
    return { set, code } as UnitRef;
  });

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new UsageError(`${issue.path.join('.') || 'input'}: ${issue.message}`);
}

const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

async function main() {
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const config = readConfig();
  const db = openDatabase(config.dbPath);
  migrate(db);
  // The province's and districts' names no password may be made of, from the data (none before the first start seeds it).
  const auth = createAuth(db, config.auth, Date.now, () => (isEmpty(db) ? [] : placeNames(loadSnapshot(createStore(db)))));
  const user = (login: string | undefined) => {
    if (!login) throw new UsageError(`${command} needs a login`);
    const parsed = loginSchema.safeParse(login);
    const found = parsed.success ? auth.accounts.byLogin(parsed.data) : undefined;
    if (!found) throw new UsageError(`no user "${login}" (npm run user -- list)`);
    return found;
  };
  const scope = () => ({ programmes: list(values.programme), units: units(values.unit) });
  /** "ntm,ocop 2020:100": an editor's programmes and units (no units: all of them), as `add`, `list` and `set-role` print it. */
  const scopeText = (u: User) => [u.programmes.join(','), u.units.map((x) => `${x.set}:${x.code}`).join(',')].filter(Boolean).join(' ');

  try {
    switch (command) {
      case 'add': {
        const input = parsed(newUserSchema, {
          login: args[0] ?? '',
          name: values.name ?? args[0] ?? '',
          role: values.role,
          password: await readNewPassword(),
          ...scope(),
        });
        const created = await auth.accounts.create(input, COMMAND_LINE);
        console.log(`added ${created.login} (${[created.role, scopeText(created)].filter(Boolean).join(': ')})`);
        break;
      }
      case 'list': {
        for (const u of auth.accounts.list()) {
          console.log(
            [
              u.login,
              u.role + (u.disabled ? ' (disabled)' : ''),
              u.name,
              scopeText(u) || '-',
              `last login ${when(u.lastLoginAt)}`,
              `${auth.sessions.count(u.id)} sessions`,
            ].join('\t'),
          );
        }
        break;
      }
      case 'set-password': {
        const u = user(args[0]);
        await auth.accounts.update(u.id, parsed(userPatchSchema, { password: await readNewPassword() }), COMMAND_LINE);
        console.log(`password of ${u.login} set; their sessions ended`);
        break;
      }
      case 'set-role': {
        const u = user(args[0]);
        const s = scope();
        const updated = await auth.accounts.update(
          u.id,
          parsed(userPatchSchema, { role: values.role, ...(s.programmes && { programmes: s.programmes }), ...(s.units && { units: s.units }) }),
          COMMAND_LINE,
        );
        console.log(`${updated.login} is ${updated.role} ${scopeText(updated)}`.trim());
        break;
      }
      case 'disable':
      case 'enable': {
        const u = user(args[0]);
        await auth.accounts.update(u.id, { disabled: command === 'disable' }, COMMAND_LINE);
        console.log(`${u.login} ${command}d`);
        break;
      }
      case 'end-sessions': {
        const u = user(args[0]);
        console.log(`ended ${auth.accounts.endSessions(u.id, COMMAND_LINE)} sessions of ${u.login}`);
        break;
      }
      case 'unlock': {
        const u = user(args[0]);
        const cleared = auth.unlock(u, COMMAND_LINE);
        console.log(`${u.login} may try to log in again (${cleared ? `${cleared} failed logins cleared` : 'no failed logins to clear'})`);
        break;
      }
      case 'token': {
        const [action, login, id] = args;
        const u = user(login);
        if (action === 'create') {
          const input = parsed(newTokenSchema, { name: values.name ?? '', ...(values.days && { expiresInDays: Number(values.days) }) });
          const { token, row } = auth.issueToken(u, input.name, input.expiresInDays, COMMAND_LINE);
          console.error(`token ${row.id} "${row.name}" for ${u.login}, expires ${when(row.expiresAt)}; it is shown only now:`);
          console.log(token);
        } else if (action === 'list') {
          for (const t of auth.tokens.list(u.id).map(tokenView))
            console.log([t.id, t.name, `${t.prefix}…`, `expires ${t.expiresAt}`, t.revokedAt ? 'revoked' : 'live'].join('\t'));
        } else if (action === 'revoke') {
          const token = auth.tokens.byId(Number(id));
          if (!token || token.userId !== u.id) throw new UsageError(`${u.login} has no token ${id ?? ''}`);
          auth.revokeTokens(u, [token.id], COMMAND_LINE);
          console.log(`token ${token.id} of ${u.login} revoked`);
        } else throw new UsageError('token takes create, list or revoke');
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unknown_unit' && isEmpty(db)) err.message += ' (the database is not seeded yet: start the server once)';
    throw err;
  } finally {
    db.close();
  }
}

main().catch((err) => {
  console.error(`npm run user: ${err instanceof Error ? err.message : err}`);
  if (err instanceof UsageError) console.error('\nnpm run user -- --help for the commands');
  process.exit(err instanceof UsageError ? 2 : 1);
});
