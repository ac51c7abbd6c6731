/**
 * Commune names the press spells differently from the GSO list (press → GSO). The codes are
 * the same; the pipeline resolves research rows with them and search answers to both.
 */
export const SPELLING_ALIASES: Record<string, string> = {
  'Noong Hẹt': 'Noọng Hẹt',
  'Noong U': 'Nong U',
  'Luân Giói': 'Luân Giới',
  'Sín Chải': 'Xín Chải',
  'Huổi Lếch': 'Huổi Lếnh',
  'Sá Tổng': 'Xá Tổng',
  'Pu Nhi': 'Pú Nhi',
  'Xá Nhè': 'Sáng Nhè',
};
