import type { Label } from '../lib/label.ts';

/**
 * The text of the help page ("Giới thiệu / Phương pháp"), Vietnamese first, English complete.
 * Long prose, loaded with the page (a lazy chunk), not with the map; the button that opens it is
 * named in i18n.ts. Figures on the page are computed from the loaded record, not written here.
 */
export const HELP_STRINGS = {
  helpClose: { vi: 'Đóng trang giới thiệu', en: 'Close the help page' },
  helpContents: { vi: 'Nội dung', en: 'Contents' },
  help_about: { vi: 'Bản đồ này là gì', en: 'What this map is' },
  help_aboutBody: {
    vi: 'Bản đồ theo dõi Chương trình xây dựng nông thôn mới (NTM) và Chương trình Mỗi xã một sản phẩm (OCOP) của tỉnh {province}, cùng các vùng nguyên liệu mà sản phẩm dựa vào. Ba cách xem: Tiến độ NTM (cho cán bộ kế hoạch), Huyện chưa có xã NTM (cho lãnh đạo), Vùng nguyên liệu (cho nhà đầu tư). Mọi số liệu đều ghi nguồn; số ước tính hoặc gần đúng được ghi rõ; điều chưa nguồn nào nêu thì ghi “Chưa rõ”.',
    en: 'A map for following the new-rural-development (NTM) and One Commune One Product (OCOP) programmes of {province} province, and the raw-material zones the products depend on. Three views: NTM progress (for planners), Districts without an NTM commune (for leadership), Raw-material zones (for investors). Every figure shows its source; estimates and approximations say so; what no source states reads “Unknown”.',
  },
  help_statuses: { vi: 'Các mức và số liệu', en: 'Statuses and figures' },
  help_statusesBody: {
    vi: 'Xã được đánh giá theo 19 tiêu chí. Các mức, từ thấp đến cao: cơ bản đạt chuẩn (mốc riêng của tỉnh), đạt chuẩn (“xã NTM”), nâng cao, kiểu mẫu. Xã giữ mức của mình cho đến khi được công nhận mức cao hơn. “Chưa có công nhận trong hồ sơ” nghĩa là chưa tìm được nguồn nào công nhận xã, không có nghĩa là xã không đạt: hồ sơ chưa đầy đủ (xem Độ bao phủ). Phường và thị trấn là đô thị, không thuộc diện xét NTM: bản đồ tô chúng màu xám riêng và không tính vào số xã. Từ {newFrom}, xã, phường mới chưa được đánh giá: công nhận bắt đầu lại trên đơn vị mới. Sản phẩm OCOP được xếp 3–5 sao trong sáu nhóm (I thực phẩm … VI dịch vụ du lịch nông thôn); giấy chứng nhận có hạn {certificateMonths} tháng. Vùng nguyên liệu là vùng sản xuất tập trung (chè, lúa, cà phê, mắc ca, dược liệu…) với diện tích theo nguồn.',
    en: 'Communes are assessed on 19 criteria. The statuses, lowest first: cơ bản đạt chuẩn (basically met, a provincial milestone), đạt chuẩn (met: an “NTM commune”), nâng cao (advanced), kiểu mẫu (model). A commune keeps its status until a higher one is recognised. “No recognition on record” means no source found recognises the commune, not that it failed: the record is incomplete (see Coverage). Wards (phường) and townships (thị trấn) are urban and not assessed for NTM: the map draws them in a grey of their own and leaves them out of the commune counts. From {newFrom} the new communes and wards are not yet assessed: recognition starts again on the new units. OCOP products are rated 3–5 stars in six groups (I food … VI rural tourism); certificates last {certificateMonths} months. Raw-material zones are concentrated production areas (tea, rice, coffee, macadamia, medicinal plants…) with the areas sources give.',
  },
  'help_as-of': { vi: 'Quy tắc “tính đến”', en: 'The “as of” rule' },
  'help_as-ofBody': {
    vi: 'Công nhận cho năm Y được tính từ 31/12/Y, vì các báo cáo đếm xã theo năm mà công nhận dành cho (quyết định thường ban hành năm sau; ngày quyết định được ghi trên thẻ của xã). Công nhận không rõ năm được tính từ ngày của nguồn sớm nhất nêu nó, và được đánh dấu viền chấm. Một công nhận mức thấp hơn đến sau không làm giảm mức của xã. Sản phẩm OCOP theo cùng quy tắc: tính từ cuối năm được công nhận, đến hết hạn giấy chứng nhận.',
    en: 'A recognition for year Y counts from 31 December Y, since reports count communes by the year a recognition is for (decisions usually come the year after; the decision date is on the commune’s card). A recognition whose year no source states counts from the date of its earliest source, and is outlined with dots. A later, lower recognition never lowers a commune’s status. OCOP products follow the same rule: from the end of the year certified until the certificate expires.',
  },
  help_units: { vi: 'Đơn vị hành chính và sáp nhập 2025', en: 'Units and the 2025 merger' },
  help_unitsBody: {
    vi: 'Lịch sử nằm trên các đơn vị đã có khi sự việc xảy ra. Đến {firstTo}: {districts2019} huyện, {communes2019} xã. Ngày {changeFrom}: {change2020} ({districts2020} huyện, {communes2020} xã đến {oldTo}). Từ {newFrom}: {change2025}; {communes2020} xã cũ thành {units2025} xã, phường. Mã cũ có thể được dùng lại cho nơi khác, nên mỗi lựa chọn ghi rõ bộ đơn vị. Bản đồ tự chọn bộ đơn vị theo ngày; “Đơn vị cũ / Đơn vị mới” trên dòng thời gian cho phép xem bộ khác. Trên đơn vị mới, màu thể hiện tỷ lệ diện tích mà xã cũ tương ứng đã đạt chuẩn.',
    en: 'History lives on the units it happened in. Until {firstTo}: {districts2019} districts, {communes2019} communes. On {changeFrom}: {change2020} ({districts2020} districts, {communes2020} communes until {oldTo}). From {newFrom}: {change2025}; the {communes2020} old communes became {units2025} communes and wards. Old codes may be reused for other places, so every selection names its unit set. The map picks the units by date; “Old units / New units” on the timeline shows the other set. On the new units, the colour is the share of the area whose former commune was at đạt chuẩn or above.',
  },
  help_coverage: { vi: 'Độ bao phủ so với số liệu chính thức', en: 'Coverage against the official totals' },
  help_coverageBody: {
    vi: 'Hồ sơ được ghép từ từng quyết định và tin bài có nguồn, nên chưa đầy đủ. Bảng dưới đặt số đếm từ hồ sơ cạnh tổng số tỉnh báo cáo gần nhất, cùng ngày; chênh lệch là phần chưa tìm được nguồn, không phải số liệu sai.',
    en: 'The record is assembled from sourced decisions and reports, one by one, and is incomplete. The table sets our counts beside the province’s latest reported totals, on the same date; a gap is what no source found yet covers, not an error.',
  },
  help_coverageProducts: {
    vi: 'Sản phẩm OCOP có tên trong nguồn: {named}; biết xã của chủ thể: {commune}; chỉ biết huyện: {district}; không rõ vị trí: {unknown}. Vùng nguyên liệu: {zones}, không vùng nào có ranh giới khảo sát.',
    en: 'OCOP products named in sources: {named}; producer’s commune known: {commune}; district only: {district}; place unknown: {unknown}. Raw-material zones: {zones}, none with a surveyed outline.',
  },
  help_approximate: { vi: '“khoảng” và hình gần đúng', en: '“about” and approximate shapes' },
  help_approximateBody: {
    vi: '“khoảng” đứng trước số liệu mà nguồn nêu gần đúng (“~600 ha”, “trên 10.300 ha”). Chưa có vùng nguyên liệu nào có ranh giới khảo sát: hình vùng là phạm vi các xã mà nguồn nêu (gạch chéo, viền đứt), hoặc cả huyện khi nguồn chỉ cho số liệu cấp huyện (chỉ vẽ viền, nằm dưới các vùng cấp xã). Sản phẩm chỉ biết huyện được vẽ bằng vòng rỗng, đặt dưới tên huyện. Khi tỉnh có mã số vùng trồng, bản đồ nhận ranh giới khảo sát thay cho hình gần đúng. Khi diện tích ghi của một vùng có ranh giới khảo sát chênh quá 1,5 lần so với diện tích đo trên hình vẽ, thẻ vùng ghi thêm “hình vẽ ≈ … ha”: đó là số đo trên hình, không phải số liệu của nguồn; số liệu ghi được giữ nguyên.',
    en: '“about” stands before a figure its source gives as approximate (“~600 ha”, “over 10,300 ha”). No raw-material zone has a surveyed outline yet: a zone’s shape is the extent of the communes its sources name (hatched, dashed outline), or the whole district when sources give only district totals (outline only, under the commune-level zones). Products whose place is known only to the district are hollow rings under the district’s name. When the province has growing-area codes, surveyed outlines replace the approximate shapes. Where a surveyed zone’s stated area and the area measured on its drawn shape differ by more than 1.5×, its card adds “drawn shape ≈ … ha”: a measurement of the shape, not a source’s figure; the stated figure is kept.',
  },
  help_unknown: { vi: '“Chưa rõ”', en: '“Unknown”' },
  help_unknownBody: {
    vi: '“Chưa rõ” nghĩa là chưa nguồn nào tìm được nêu điều đó: năm công nhận, số tiêu chí, quyết định, chủ thể, số sao, nhóm hay diện tích. Bản đồ không đoán: điều chưa biết vẫn là chưa biết. Một giá trị suy ra (ví dụ nhóm OCOP xếp theo loại sản phẩm) được ghi “suy luận”. Khi các nguồn mâu thuẫn (ví dụ hai nguồn nêu hai năm công nhận khác nhau), cả hai được giữ và hiện cạnh nhau, có viền gạch trên bản đồ.',
    en: '“Unknown” means no source found states it: a recognition year, a criteria count, a decision, a producer, stars, a group or an area. The map does not guess: what is unknown stays unknown. A value worked out rather than stated (such as an OCOP group assigned from the product type) says “inferred”. Where sources disagree (two sources giving different recognition years, say), both are kept and shown side by side, with a dashed outline on the map.',
  },
  help_sources: { vi: 'Nguồn và giấy phép', en: 'Sources and licences' },
  help_sourcesBody: {
    vi: 'Mỗi số liệu mở ra được nguồn của nó: tiêu đề, ngày, độ tin cậy (cao: cổng thông tin hoặc báo tỉnh nêu trực tiếp; trung bình: nguồn thứ cấp hoặc năm suy ra; thấp: trang tổng hợp) và đường dẫn. Ghi chú của người thu thập số liệu được giữ nguyên bằng tiếng Anh. “Báo cáo của tỉnh năm 2021” là các báo cáo mà dự án bắt đầu từ đó.',
    en: 'Every figure opens its source: title, date, confidence (high: an official portal or provincial press stating it directly; medium: a secondary outlet or an inferred year; low: an aggregator) and link. The research notes are kept as written, in English. “Provincial reports of 2021” are the reports the project started from.',
  },
  help_licencesIntro: { vi: 'Giấy phép của dữ liệu:', en: 'The data’s licences:' },
  help_cite: { vi: 'Cách trích dẫn', en: 'How to cite' },
  help_citeBody: {
    vi: 'Trích dẫn số liệu theo nguồn gốc ghi trên từng mục. Khi trích dẫn chính bản đồ, ghi đường dẫn (đường dẫn mở lại đúng trạng thái đang xem) và ngày truy cập:',
    en: 'Cite a figure by the source shown with it. To cite the map itself, give its link (which reopens exactly what you see) and the date you accessed it:',
  },
  help_citation: {
    vi: 'Bản đồ Nông thôn mới & OCOP tỉnh {province}, trạng thái tính đến {asOf}. {url} (truy cập {today}).',
    en: '{province} new-rural (NTM) & OCOP map, as of {asOf}. {url} (accessed {today}).',
  },
  help_keys: { vi: 'Bàn phím', en: 'Keyboard' },
  help_keysBody: {
    vi: 'Tab đi qua các nút; trên dòng thời gian hoặc bản đồ, ← → lùi, tiến một tháng (Shift + ← → trên dòng thời gian: một năm; trên bản đồ: dịch sang trái, phải); ↑ ↓ và + − di chuyển, phóng bản đồ. Các mốc trên dòng thời gian là một điểm dừng Tab, mũi tên để đi giữa các mốc, Enter để chọn. Trên biểu đồ, ← → xem trước từng năm, Enter để chọn, Esc để thôi. Nút Quay lại của trình duyệt trở về cách xem hoặc mục đã chọn trước đó.',
    en: 'Tab moves between controls; on the timeline or the map, ← → step a month back or forward (Shift + ← → on the timeline: a year; on the map: pan west, east); ↑ ↓ and + − pan and zoom the map. The timeline’s marks are one Tab stop: arrows move between them, Enter chooses. On a chart, ← → preview each year, Enter chooses it, Esc leaves it. The browser’s Back button returns to the previous view or selection.',
  },
} satisfies Record<string, Label>;

export type HelpKey = keyof typeof HELP_STRINGS;
