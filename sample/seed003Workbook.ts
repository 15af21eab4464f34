/**
 * The district's own award workbook (seed 003_2239f39b92fba53e.txt): Thanh Xuân district's
 * emulation office keeps the 2022 register of 2,505 awards (sample/seed003Register.ts) in its own
 * spreadsheet, under its own account, with its own Cấu hình. It is not the City Front's cluster
 * workbook (sample/cluster1.ts): another organisation, another file, another bound script.
 *
 * The issuing body is the seed's "UBND quận Thanh Xuân", written in full as certificates head it;
 * the place is the district's name, as Decree 30/2020 writes the place of a district-level body.
 * The officer's address and the settings' name are invented.
 */
import type { ClusterSettingsInput } from '../src/core/model/settings';
import { SEED003_YEAR } from './seed003Register';

/** The district officer who owns the workbook (invented; an address on the city's domain). */
export const SEED003_OFFICER = 'thiduakhenthuong.thanhxuan@hanoi.gov.vn';

/** The spreadsheet's name in Drive. */
export const SEED003_WORKBOOK_NAME = `Khen thưởng quận Thanh Xuân - năm ${String(SEED003_YEAR)}`;

/**
 * Cấu hình of the district's workbook. The product's settings name a cluster; the district's
 * register is kept by its Emulation and Commendation Council (Hội đồng Thi đua - Khen thưởng
 * quận, as the seed names it), so that is the name given.
 */
export const SEED003_SETTINGS: ClusterSettingsInput = {
  clusterName: 'Hội đồng Thi đua - Khen thưởng quận Thanh Xuân',
  year: SEED003_YEAR,
  issuingBody: 'ỦY BAN NHÂN DÂN QUẬN THANH XUÂN',
  place: 'Thanh Xuân',
};
