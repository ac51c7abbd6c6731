import { both, type Messages, type Text } from './text.ts';

/**
 * Warnings, not refusals: what a form and an import preview point out about a change the data
 * allows but a person should look at twice (server/domain/zone-area.ts, same-year.ts).
 */
export const warningMessages = {
  /** A zone's stated area against its drawn shape's (measured, rounded by approximateHa): the stated figure stays as given. */
  areaDisagrees: (statedHa: number, measuredHa: number, factor: number) =>
    both(
      `the stated area, ${statedHa} ha, and the area the drawn shape measures, about ${measuredHa} ha, differ by more than ${factor}×: the stated figure is kept as its source gives it; check it, or the shape`,
      (f) =>
        `diện tích ghi, ${f(statedHa)} ha, và diện tích đo trên hình vẽ, khoảng ${f(measuredHa)} ha, chênh nhau quá ${f(factor)} lần: số liệu ghi được giữ nguyên như nguồn nêu; hãy kiểm tra lại số liệu hoặc hình vẽ`,
    ),
  /** A commune's recognition for a year it already has one for: the one on record, named by status, decision and source. */
  sameYearRecognition: (status: Text, year: number, decision: string | null, sources: string) => ({
    en: `the commune already has a recognition for ${year}: “${status.en}”${decision ? `, decision ${decision}` : ''}${sources ? ` (source: ${sources})` : ''}; this adds a second one for that year — if it corrects that record, correct it instead`,
    vi: `xã đã có công nhận năm ${year}: “${status.vi}”${decision ? `, quyết định ${decision}` : ''}${sources ? ` (nguồn: ${sources})` : ''}; thao tác này thêm lần công nhận thứ hai cho cùng năm — nếu là đính chính, hãy sửa bản ghi đó thay vì thêm mới`,
  }),
  /** Two rows of one import giving a commune recognitions (of different statuses) for the same year. */
  sameYearInFile: (earlierRow: number, year: number) =>
    both(
      `row ${earlierRow} already gives this commune a recognition for ${year}; this row adds a second one for that year`,
      (f) => `dòng ${f(earlierRow)} đã ghi công nhận năm ${year} cho xã này; dòng này thêm lần công nhận thứ hai cho cùng năm`,
    ),
} as const satisfies Messages;
