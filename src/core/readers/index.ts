export type { ReadResult } from './cells';
export { locateTable, type LocatedTable } from './headers';
export { readSettings, readSettingValue } from './settings';
export { readUnits } from './units';
export { readCriteria, countsTowardsGroupMax, type CriteriaSources } from './criteria';
export {
  readScoreMatrix,
  locateMatrix,
  type ScoreMatrixOptions,
  type LocatedMatrix,
  type LocatedMatrixColumn,
} from './scoreMatrix';
export { readCrossScores, type CrossScoresOptions } from './crossScores';
export { readBallots, type BallotsOptions } from './ballots';
