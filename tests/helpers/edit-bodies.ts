/** A valid source and NTM recognition body for the edit API, as a form sends them (Mường Phăng, 03205, has no recognition in the seed). */
export const source = { title: 'Báo cáo của Văn phòng Điều phối NTM tỉnh', date: '2025-03-01', url: 'https://ntm.dienbien.gov.vn/bao-cao', fileId: null };
export const recognition = {
  unitSet: '2020',
  communeCode: '03205',
  status: 'standard',
  yearFor: 2024,
  decision: { ref: '123/QĐ-UBND', date: '2025-01-10' },
  criteriaMet: 19,
  criteriaText: null,
  source,
};
