import { formatNumber } from '../../server/messages/format.ts';
import type { Lang } from './label.ts';

/**
 * Figures "as the source states them" ("~6,000 (2025); 4,500 (end-2024)", "12/19 đạt + 5 cơ bản;
 * 2 chưa đạt (No.11 poverty)", "2025 (expected)") are kept verbatim in the data, written by the
 * research in a mix of Vietnamese and English. On screen they are read in the active language:
 * numbers through Intl, symbols spelled out, and the research's English terms put in Vietnamese
 * from the phrase list below. A test runs every such text of the committed data through it and
 * fails on any English word left over, so a new term in the data must be added here.
 */
const VI_PHRASES: [RegExp, string][] = [
  // Whole sentences the curation writes.
  [
    /^The (\d{4}) provincial council certified (\d+) of the (\d+) products it reviewed; which one failed is not stated\.$/,
    'Hội đồng tỉnh năm $1 công nhận $2 trong $3 sản phẩm được đánh giá; nguồn không nêu sản phẩm nào không đạt.',
  ],
  [/^Certificate expired in (\d{4}) and was not renewed\.$/, 'Giấy chứng nhận hết hạn năm $1 và chưa được cấp lại.'],
  [
    /^Sources disagree on the certification year \((\d{4}) vs (\d{4})\); the earliest is shown\.$/,
    'Các nguồn không thống nhất năm công nhận ($1 và $2); hiển thị năm sớm nhất.',
  ],
  [/criteria levels decreased after merger \(count not given\)/g, 'mức đạt tiêu chí giảm sau sáp nhập (không nêu số)'],
  [/some criteria dropped/g, 'một số tiêu chí bị giảm'],
  [/undated page; reports (\d{4}) targets/g, 'trang không ghi ngày; nêu chỉ tiêu năm $1'],
  [/year not printed in excerpt; context indicates (\d{4})/g, 'trích đoạn không ghi năm; theo ngữ cảnh là năm $1'],
  [/year not shown/g, 'không ghi năm'],
  [/recognition year/g, 'năm công nhận'],
  [/council meeting/g, 'họp hội đồng'],
  [/reported at ceremony/g, 'báo cáo tại lễ công nhận'],
  [/\bceremony\b/g, 'lễ'],
  [/eligible for recognition \(names not given\)/g, 'đủ điều kiện công nhận (không nêu tên)'],
  [/(\d+) recognised in (\d{4})/g, '$1 được công nhận năm $2'],
  [/in ĐBKK communes/g, 'ở các xã đặc biệt khó khăn'],
  [/(\d+) communes hold /g, '$1 xã giữ danh hiệu '],
  [/(\d+) (?:communes )?meet/g, '$1 xã đạt'],
  [/\(= (\d+) communes\)/g, '(= $1 xã)'],
  [/(\d+) communes CBĐC/g, '$1 xã cơ bản đạt chuẩn'],
  [/\bmost (?=\d)/g, 'đa số '],
  [/\bbelow (?=\d)/g, 'dưới '],
  [/about to become/g, 'sắp đạt'],
  [/vs start of period/g, 'so với đầu giai đoạn'],
  [/\bPM-assigned\b/g, 'Thủ tướng giao'],
  [/actual minus ([\d.,]+) pp/g, 'thực tế trừ $1 điểm phần trăm'],
  [/\bimplied\b/g, 'suy ra'],
  [/\bof communes\b/g, 'số xã'],
  [/from ([\d–-]+) (?:producers|entities)/g, 'của $1 chủ thể'],
  [/\bfour-star\b/g, '4 sao'],
  [/\bthree-star\b/g, '3 sao'],
  [/eligible for/g, 'đủ điều kiện lên'],
  [/\bpotential\b/g, 'tiềm năng'],
  [/\btraceable\b/g, 'truy xuất được nguồn gốc'],
  [/certificates expired/g, 'giấy chứng nhận hết hạn'],
  [/\bpending\b/g, 'đang chờ'],
  [/new in (\d{4})/g, 'mới năm $1'],
  [/\(advanced set\)/g, '(bộ tiêu chí nâng cao)'],
  [/advanced-NTM criteria/g, 'tiêu chí NTM nâng cao'],
  [/village criteria/g, 'tiêu chí thôn, bản'],
  [/\bindicators\b/g, 'chỉ tiêu'],
  [/\bcriteria\b/g, 'tiêu chí'],
  [/\bNo\.(\d+)/g, 'số $1'],
  [/\bpoverty\b/g, 'hộ nghèo'],
  [/legal access/g, 'tiếp cận pháp luật'],
  [/villages NTM/g, 'thôn, bản NTM'],
  [/ and others/g, ' và các xã khác'],
  [/\bothers\b/g, 'các xã khác'],
  [/\bhad\b/g, 'có'],
  [/\bharvesting\b/g, 'đang cho thu hoạch'],
  [/\bharvested\b/g, 'đã thu hoạch'],
  [/rice land/g, 'đất lúa'],
  [/\bfield\b/g, 'cánh đồng'],
  [/\bsown\b/g, 'gieo cấy'],
  [/\bcultivated\b/g, 'canh tác'],
  [/\bvegetables\b/g, 'rau màu'],
  [/\bfruit\b/g, 'cây ăn quả'],
  [/\bplanned\b/g, 'quy hoạch'],
  [/\bplanted\b/g, 'đã trồng'],
  [/of which/g, 'trong đó'],
  [/ancient trees/g, 'cây cổ thụ'],
  [/converted in/g, 'chuyển đổi ở'],
  [/by households/g, 'do các hộ'],
  [/\bby HTX\b/g, 'do HTX'],
  [/\btarget\b/g, 'mục tiêu'],
  [/\(plan\)/g, '(quy hoạch)'],
  [/\(expected\)/g, '(dự kiến)'],
  [/\(district total\)/g, '(tổng cả huyện)'],
  [/\(district\)/g, '(cả huyện)'],
  [/\((\S[^()]*) district communes\)/g, '(các xã huyện $1)'],
  [/\(province\)/g, '(toàn tỉnh)'],
  [/\(province; mainly /g, '(toàn tỉnh; chủ yếu '],
  [/\(province; /g, '(toàn tỉnh; '],
  [/\(2025 new commune\)/g, '(xã mới 2025)'],
  [/\(2025 communes\)/g, '(xã 2025)'],
  [/\(new: /g, '(xã mới: '],
  [/\bnew xã /g, 'xã mới '],
  [/\(pre-2025\)/g, '(trước 2025)'],
  [/\(now /g, '(nay thuộc '],
  [/\(main\)/g, '(chủ yếu)'],
  [/; also /g, '; cùng '],
  [/ area \(/g, ' và vùng lân cận ('],
  [/lòng chảo communes of /g, 'các xã lòng chảo của '],
  [/in bản/g, 'ở bản'],
  [/\bincl\.?/g, 'gồm'],
  [/\bundated\b/g, 'không ghi ngày'],
  [/\bapprox\.?/g, 'ước tính'],
  [/\bafter\b/g, 'sau'],
  [/\blate\b/g, 'cuối năm'],
  [/\bend-(\d{4})/g, 'cuối $1'],
  [/\bin (\d{4})/g, 'năm $1'],
  [/\b(\d{4})s\b/g, 'những năm $1'],
  [/ & /g, ' và '],
];

/** Symbols every language reads out the same way. */
const SYMBOLS: [RegExp, Record<Lang, string>][] = [
  [/\s*->\s*/g, { vi: ' → ', en: ' → ' }],
  [/>=\s*/g, { vi: '≥ ', en: '≥ ' }],
  [/<=\s*/g, { vi: '≤ ', en: '≤ ' }],
  [/(^|[\s(;+])>\s*(?=\d)/g, { vi: '$1trên ', en: '$1over ' }],
  [/(\d)\s*km2\b/g, { vi: '$1 km²', en: '$1 km²' }],
  [/(^|[\s(;])~\s*(?=\d)/g, { vi: '$1khoảng ', en: '$1about ' }],
  [/(\d)\*/g, { vi: '$1★', en: '$1★' }],
];

/** Numbers as the research wrote them (1,553 · 60.89 · 19%), outside dates and codes. */
const NUMBER = /(?<![\d/.,-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d/]|-\d{2}\b)(%?)/g;

/** A source-stated text in the active language; `null` stays `null`. */
export function localizeStated(text: string | null, lang: Lang): string | null {
  if (text === null) return null;
  let out = text.trim();
  for (const [re, by] of SYMBOLS) out = out.replace(re, by[lang]);
  if (lang === 'en') return out;
  out = out.replace(NUMBER, (whole, int: string, frac: string | undefined, pct: string) => {
    // Years and day/month pairs stay as they are; only quantities are re-punctuated.
    if (!int.includes(',') && !frac && !pct) return whole;
    const n = Number(`${int.replace(/,/g, '')}${frac ? `.${frac}` : ''}`);
    return `${formatNumber(n, 'vi')}${pct ? ' %' : ''}`;
  });
  for (const [re, vi] of VI_PHRASES) out = out.replace(re, vi);
  return out;
}
