/**
 * Who awards a certificate (issue 11, point 1): the issuing body (cơ quan tặng), the place of its
 * date line (địa danh), the signer's title and name, per register row.
 *
 * Decision: a row's own cells win; a blank one is inherited by the row's award level from
 * Cấu hình — "Cơ quan tặng <cấp>" / "Địa danh <cấp>" for that level, and for the workbook's own
 * level ("Cấp khen của cơ quan ban hành") the body's own "Cơ quan ban hành văn bản", "Địa danh",
 * "Chức vụ người ký" and "Người ký". The default signer is inherited only by a row issued by the
 * workbook's own body: a Prime Minister's Bằng khen is never signed by the district chairman.
 * The state level defaults to the Prime Minister in Hà Nội (DEFAULT_STATE_ISSUER); other levels
 * have no default, so a row nothing names an issuer for is refused on its row, never printed
 * under another body's name.
 */
import { AWARD_LEVEL_LABELS, AwardLevelSchema, type AwardLevel } from '../model/award';
import type { AwardRecord } from '../model/award';
import { DEFAULT_STATE_ISSUER, DEFAULT_STATE_PLACE, type ClusterSettings } from '../model/settings';
import { labelKey } from '../readers/cells';
import { nameKey } from '../text/normalize';

/** What a certificate prints about who gives it. */
export type Issuer = {
  readonly issuingBody: string;
  readonly place: string;
  readonly signerTitle: string;
  readonly signerName: string;
};

export type IssuerDefaults = {
  /** The level of the workbook's own body. */
  readonly ownLevel: AwardLevel;
  /** The workbook's own body: Cấu hình's issuingBody, place and default signer. */
  readonly own: Issuer;
  /** Body and place per level, as Cấu hình gives them ('' when blank). */
  readonly byLevel: Readonly<Record<AwardLevel, { issuingBody: string; place: string }>>;
};

/** Cấu hình setting keys of each level's body and place. */
const LEVEL_KEYS: Readonly<Record<AwardLevel, { issuer: string; place: string }>> = {
  state: { issuer: 'stateIssuer', place: 'statePlace' },
  ministryProvince: { issuer: 'provinceIssuer', place: 'provincePlace' },
  base: { issuer: 'baseIssuer', place: 'basePlace' },
};

/** Setting key of the Cấu hình row a level's body or place is inherited from (for messages). */
export function levelIssuerSettingKey(
  level: AwardLevel,
  ownLevel: AwardLevel,
  what: 'issuer' | 'place',
): string {
  if (level === ownLevel) return what === 'issuer' ? 'issuingBody' : 'place';
  return LEVEL_KEYS[level][what];
}

/** The level a Cấu hình cell names ("Cơ sở", "Nhà nước" …); 'base' when blank or unknown. */
export function awardLevelOf(text: string): AwardLevel {
  const key = labelKey(text);
  return AwardLevelSchema.options.find((l) => labelKey(AWARD_LEVEL_LABELS[l]) === key) ?? 'base';
}

function buildDefaults(get: (key: string) => string, ownLevel: AwardLevel): IssuerDefaults {
  const byLevel = {} as Record<AwardLevel, { issuingBody: string; place: string }>;
  for (const level of AwardLevelSchema.options) {
    byLevel[level] = {
      issuingBody: get(LEVEL_KEYS[level].issuer),
      place: get(LEVEL_KEYS[level].place),
    };
  }
  byLevel.state = {
    issuingBody: byLevel.state.issuingBody || DEFAULT_STATE_ISSUER,
    place: byLevel.state.place || DEFAULT_STATE_PLACE,
  };
  return {
    ownLevel,
    own: {
      issuingBody: get('issuingBody'),
      place: get('place'),
      signerTitle: get('signerTitle'),
      signerName: get('signerName'),
    },
    byLevel,
  };
}

/** The defaults from Cấu hình's raw texts (settingTexts), as the certificate job reads them. */
export function issuerDefaults(texts: ReadonlyMap<string, string>): IssuerDefaults {
  const get = (key: string): string => (texts.get(key) ?? '').trim();
  return buildDefaults(get, awardLevelOf(get('ownAwardLevel')));
}

/** The same defaults from parsed settings (the ranking's), for "Lập sổ khen thưởng từ xếp hạng". */
export function issuerDefaultsOf(settings: ClusterSettings): IssuerDefaults {
  const texts = settings as unknown as Readonly<Record<string, unknown>>;
  const get = (key: string): string => {
    const v = texts[key];
    return typeof v === 'string' ? v.trim() : '';
  };
  return buildDefaults(get, settings.ownAwardLevel);
}

/** The body and place a level's rows inherit ('' when Cấu hình names none). */
export function levelIssuer(
  level: AwardLevel,
  defaults: IssuerDefaults,
): { issuingBody: string; place: string } {
  const set = defaults.byLevel[level];
  if (level !== defaults.ownLevel) return set;
  return {
    issuingBody: set.issuingBody || defaults.own.issuingBody,
    place: set.place || defaults.own.place,
  };
}

/** The issuer a row prints: its own cells, else what its level inherits (see the module note). */
export function resolveIssuer(
  row: Pick<AwardRecord, 'level' | 'issuingBody' | 'place' | 'signerTitle' | 'signerName'>,
  defaults: IssuerDefaults,
): Issuer {
  const inherited = levelIssuer(row.level, defaults);
  const issuingBody = row.issuingBody || inherited.issuingBody;
  const ownBody =
    row.level === defaults.ownLevel &&
    defaults.own.issuingBody !== '' &&
    nameKey(issuingBody) === nameKey(defaults.own.issuingBody);
  return {
    issuingBody,
    place: row.place || inherited.place,
    signerTitle: row.signerTitle || (ownBody ? defaults.own.signerTitle : ''),
    signerName: row.signerName || (ownBody ? defaults.own.signerName : ''),
  };
}
