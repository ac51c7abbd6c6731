import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountApi } from '../../client/api.ts';
import { lang } from '../../client/state/ui-state.ts';
import { errorText } from '../../client/ui/account/error-text.ts';
import { authTestApp } from '../helpers/auth.ts';

/** A refused login, from the real server through the client's request, as the login form words it. */
describe('the login form’s error text', () => {
  const initial = lang.value;
  afterEach(() => {
    vi.unstubAllGlobals();
    lang.value = initial;
  });

  async function refusals(chosen: 'vi' | 'en') {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    vi.stubGlobal('fetch', (path: string, init: RequestInit) => t.app.request(path, init));
    lang.value = chosen;
    const said: string[] = [];
    const attempt = (password: string) =>
      accountApi.login('lan', password).then(
        () => 'logged in',
        (err) => errorText(err, chosen),
      );
    for (let i = 0; i < 11; i++) said.push(await attempt(`sai lần ${i}`));
    return { wrong: said[0], throttled: said[10] };
  }

  it('says how long to wait, in Vietnamese', async () => {
    expect(await refusals('vi')).toEqual({
      wrong: 'Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá',
      throttled: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau 900 giây',
    });
  });

  it('and in English', async () => {
    expect(await refusals('en')).toEqual({
      wrong: 'Wrong login or password, or the account is disabled',
      throttled: 'Too many failed logins; try again in 900 s',
    });
  });
});
