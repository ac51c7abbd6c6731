import type { Programme, Role } from '../domain/access.ts';
import { both, type Messages, type Text } from './text.ts';
import { PROGRAMME_VI, ROLE_VI } from './vocabulary.ts';

/** Logins, sessions, accounts and API tokens (server/auth/**, the session, account and user routes). */
export const accountMessages = {
  loginFailed: { en: 'Wrong login or password, or the account is disabled', vi: 'Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá' },
  tooManyAttempts: (seconds: number) =>
    both(`Too many failed logins; try again in ${seconds} s`, (f) => `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${f(seconds)} giây`),
  needsLogin: (method: string, path: string) => ({
    en: `${method} ${path} needs a login (POST /api/session) or an API token`,
    vi: `${method} ${path} cần đăng nhập (POST /api/session) hoặc một API token`,
  }),
  deploymentNeedsLogin: (path: string) => ({
    en: `This deployment needs a login for ${path}: log in (POST /api/session) or send an API token`,
    vi: `Bản đồ này cần đăng nhập để xem ${path}: hãy đăng nhập (POST /api/session) hoặc gửi một API token`,
  }),
  needsRole: (method: string, path: string, roles: readonly Role[], login: string, role: Role) => ({
    en: `${method} ${path} needs the role ${roles.join(' or ')}; ${login} is ${role}`,
    vi: `${method} ${path} cần vai trò ${roles.map((r) => ROLE_VI[r]).join(' hoặc ')}; ${login} có vai trò ${ROLE_VI[role]}`,
  }),
  needsSession: (method: string, path: string) => ({
    en: `${method} ${path} needs a login session; API tokens cannot manage accounts`,
    vi: `${method} ${path} cần một phiên đăng nhập; API token không được quản lý tài khoản`,
  }),
  mayNotEdit: (login: string, role: Role, programme: Programme, where: Text) => ({
    en: `${login} (${role}) may not edit ${programme}${where.en}`,
    vi: `${login} (${ROLE_VI[role]}) không được sửa dữ liệu ${PROGRAMME_VI[programme]}${where.vi}`,
  }),
  /** `set`: the unit set as staff know it (unitSetName). */
  inUnit: (set: Text, code: string) => ({ en: ` on unit ${code} of ${set.en}`, vi: ` ở đơn vị ${code} của ${set.vi}` }),
  nowhere: { en: '', vi: '' },
  invalidToken: {
    en: 'The API token is unknown, revoked or expired (send "Authorization: Bearer dbm_…"); create one under your account',
    vi: 'API token không tồn tại, đã bị thu hồi hoặc đã hết hạn (gửi "Authorization: Bearer dbm_…"); hãy tạo token mới trong mục tài khoản',
  },
  csrfOrigin: (origin: string, expected: string) => ({
    en: `Cross-site request refused: Origin ${origin} is not ${expected}`,
    vi: `Yêu cầu từ trang khác bị từ chối: Origin ${origin} không phải ${expected}`,
  }),
  csrfSite: (site: string) => ({
    en: `Cross-site request refused (Sec-Fetch-Site: ${site})`,
    vi: `Yêu cầu từ trang khác bị từ chối (Sec-Fetch-Site: ${site})`,
  }),
  csrfToken: {
    en: 'Missing or wrong X-CSRF-Token header: send the csrfToken that GET /api/session returns',
    vi: 'Thiếu hoặc sai tiêu đề X-CSRF-Token: hãy gửi csrfToken mà GET /api/session trả về',
  },
  noUser: (id: number) => ({ en: `No user with id ${id}`, vi: `Không có người dùng có id ${id}` }),
  invalidScope: (role: Role) => ({
    en: `only editors are scoped to programmes and units; a ${role} has none`,
    vi: `chỉ Biên tập viên mới được giới hạn theo lĩnh vực và đơn vị; vai trò ${ROLE_VI[role]} thì không`,
  }),
  unknownUnit: (code: string, set: Text) => ({ en: `units: no unit ${code} in ${set.en}`, vi: `units: không có đơn vị ${code} trong ${set.vi}` }),
  editorNeedsProgramme: { en: 'an editor needs at least one programme', vi: 'Biên tập viên cần ít nhất một lĩnh vực' },
  editorNeedsProgrammeAt: (programmes: readonly Programme[]) => ({
    en: `programmes: an editor needs at least one programme (${programmes.join(', ')}); otherwise they can edit nothing`,
    vi: `programmes: Biên tập viên cần ít nhất một lĩnh vực (${programmes.map((p) => PROGRAMME_VI[p]).join(', ')}); không có lĩnh vực nào thì không sửa được gì`,
  }),
  lastAdmin: (login: string) => ({
    en: `${login} is the last active admin; make another admin first`,
    vi: `${login} là quản trị viên cuối cùng còn hoạt động; hãy chỉ định một quản trị viên khác trước`,
  }),
  loginTaken: (login: string) => ({ en: `login: ${login} is already taken`, vi: `login: tên đăng nhập ${login} đã có người dùng` }),
  wrongPassword: { en: 'currentPassword: the current password is not correct', vi: 'currentPassword: mật khẩu hiện tại không đúng' },
  commonPassword: {
    en: 'this is one of the most common passwords; choose a phrase of your own',
    vi: 'đây là một trong những mật khẩu phổ biến nhất; hãy chọn một cụm từ của riêng bạn',
  },
  passwordHasLogin: { en: 'the password must not contain the login', vi: 'mật khẩu không được chứa tên đăng nhập' },
  passwordSystemWords: {
    en: 'the password must not be made of the name of this system, its programmes or its places',
    vi: 'mật khẩu không được chỉ gồm tên của hệ thống này, các chương trình hay các địa danh của tỉnh',
  },
  weakPassword: (problem: Text) => ({ en: `password: ${problem.en}`, vi: `password: ${problem.vi}` }),
  noToken: (id: number, login: string | null) =>
    login === null
      ? { en: `You have no API token with id ${id}`, vi: `Bạn không có API token nào có id ${id}` }
      : { en: `${login} has no API token with id ${id}`, vi: `${login} không có API token nào có id ${id}` },
} as const satisfies Messages;
