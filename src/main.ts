/**
 * The entry points Apps Script calls by name. Each one is thin: it hands over to src/gas.
 * local/build.ts turns every export here into a top-level function declaration of build/Code.js.
 *
 * Triggers: onOpen and onEdit are simple triggers; onEditAudit is the installable edit trigger
 * created by "Bật ghi nhật ký thay đổi"; menu* functions are the "Thi đua" menu's items.
 */
export { onOpen, menuAbout } from './gas/menu';
export { menuSetup } from './gas/setup/setupWorkbook';
export { onEdit, onEditAudit, menuEnableAudit } from './gas/edit/editTriggers';
export { menuValidate } from './gas/edit/validateWorkbook';
export { menuToggleScoring } from './gas/edit/scoringLock';
export { menuRank } from './gas/ranking/rankAction';
export { menuPrepareBallots, menuTallyVotes } from './gas/votes/voteActions';
export { menuFillAwardsFromRanking, menuAwardStatistics } from './gas/awards/awardActions';
export { menuCheckEligibility } from './gas/eligibility/eligibilityAction';
export { menuYearStatistics } from './gas/yearStatistics/yearStatisticsAction';
export { menuCreatePledge } from './gas/docs/pledgeAction';
export { menuCreateDossier } from './gas/docs/dossierAction';
export { menuCreateCertificates } from './gas/certificates/action';
export { menuPreprintedCalibration } from './gas/certificates/preprinted';
export { jobContinue, menuCancelJob } from './gas/jobs/entryPoints';
export { menuRecordHistory } from './gas/history/recordHistory';
export { menuImportHistory } from './gas/history/importHistory';
export { menuNewYear } from './gas/history/newYear';
