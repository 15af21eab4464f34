/**
 * Secret ballots (bỏ phiếu kín) in a Google Form, end to end: the cluster head's "Tạo phiếu bình
 * xét" makes a form with one question per nominee, no e-mail collected and one response per
 * account; members answer it from their own accounts; "Kiểm phiếu bình xét" closes it and counts.
 * Nobody, the owner included, can see who voted what.
 * References: https://developers.google.com/apps-script/reference/forms/form (setCollectEmail,
 * setLimitOneResponsePerUser, setAcceptingResponses) and
 * https://developers.google.com/apps-script/reference/forms/form-response#getRespondentEmail().
 */
import type { LocalHost } from '../../local/host';
import { SHEET_NAMES } from '../../src/core/layout/sheets';
import { VOTE_RESULT_SHEET } from '../../src/core/votes/ballotSheet';
import { SAMPLE_UNIT_ROWS } from '../../sample/cluster1';
import { newHost, seedSampleWorkbook } from './workbookFixture';
import { setSetting } from './certificateRegister';

const SETUP = 'Khởi tạo / cập nhật bảng tính';
const R = `'${VOTE_RESULT_SHEET}'`;
const HEAD = SAMPLE_UNIT_ROWS.find((r) => r[3] === 'Cụm trưởng')?.[6] ?? '';
const MEMBER_EMAILS = SAMPLE_UNIT_ROWS.map((r) => r[6] ?? '');

function ok(host: LocalHost, caption: string, user: string): void {
  const run = host.clickMenu(caption, user);
  expect(run.error).toBeUndefined();
  expect(run.status).toBe('ok');
}

function secretHost(): LocalHost {
  const host = newHost();
  seedSampleWorkbook(host);
  host.open();
  ok(host, SETUP, host.owner);
  setSetting(host, 'Bỏ phiếu kín bằng Google Form', 'Có');
  ok(host, 'Tính xếp hạng', HEAD);
  ok(host, 'Tạo phiếu bình xét', HEAD);
  return host;
}

function theForm(host: LocalHost): ReturnType<LocalHost['forms']['forms']['get']> & object {
  const forms = [...host.forms.forms.values()];
  expect(forms).toHaveLength(1);
  const form = forms[0];
  if (!form) throw new Error('no form');
  return form;
}

/** Member i answers yes to a nominee when i is below the nominee's yes count. */
function answerAll(host: LocalHost, formId: string, yes: Record<string, number>): void {
  MEMBER_EMAILS.forEach((email, i) => {
    const answers: Record<string, string> = {};
    for (const [label, count] of Object.entries(yes)) {
      answers[label] = i < count ? 'Đồng ý' : 'Không đồng ý';
    }
    expect(host.forms.respond(email, formId, answers)).toEqual({ ok: true });
  });
}

describe('Bỏ phiếu kín bằng Google Form (e2e)', () => {
  it('makes a form of the nominees that collects no e-mail and takes one response per account', () => {
    const host = secretHost();
    const form = theForm(host);
    expect(form.owner).toBe(HEAD);
    expect(form.items.map((i) => i.title)).toEqual([
      'Ba Đình (Cờ thi đua)',
      'Hoàn Kiếm (Bằng khen)',
      'Hai Bà Trưng (Bằng khen)',
      'Hoàng Mai (Bằng khen)',
    ]);
    expect(form.items.every((i) => i.choices.join('|') === 'Đồng ý|Không đồng ý')).toBe(true);
    expect(form.collectEmail).toBe(false);
    expect(form.limitOne).toBe(true);
    expect(form.allowEdits).toBe(false);
    expect(host.ui.shown.at(-1)?.prompt).toContain(
      `https://docs.google.com/forms/d/e/${form.id}/viewform`,
    );
    // The in-sheet ballot is not used for a secret vote.
    expect(
      host.spreadsheet.sheet(SHEET_NAMES.votes)?.contentExtent().lastRow ?? 1,
    ).toBeLessThanOrEqual(1);
  });

  it('counts a member who votes twice once, and nobody can see who voted what', () => {
    const host = secretHost();
    const form = theForm(host);
    answerAll(host, form.id, {
      'Ba Đình (Cờ thi đua)': 6,
      'Hoàn Kiếm (Bằng khen)': 6,
      'Hai Bà Trưng (Bằng khen)': 3,
      'Hoàng Mai (Bằng khen)': 5,
    });
    // Hai Bà Trưng's account tries again to vote itself in: Google refuses the second response.
    const again = host.forms.respond(MEMBER_EMAILS[4] ?? '', form.id, {
      'Hai Bà Trưng (Bằng khen)': 'Đồng ý',
    });
    expect(again).toEqual({ ok: false, reason: 'alreadyResponded' });
    // An anonymous visitor with the link cannot answer a one-response-per-account form.
    expect(host.forms.respond('', form.id, {})).toEqual({ ok: false, reason: 'signInRequired' });

    ok(host, 'Kiểm phiếu bình xét', HEAD);
    expect(form.accepting).toBe(false);
    expect(form.responses).toHaveLength(6);
    expect(form.responses.every((r) => r.email === '')).toBe(true);
    const rows = host.spreadsheet.valuesAt(`${R}!B4:G7`).map((r) => [r[0], r[1], r[5]]);
    expect(rows).toEqual([
      ['Ba Đình (Cờ thi đua)', 6, 'Đạt'],
      ['Hoàn Kiếm (Bằng khen)', 6, 'Đạt'],
      ['Hoàng Mai (Bằng khen)', 5, 'Đạt'],
      ['Hai Bà Trưng (Bằng khen)', 3, 'Không đạt'],
    ]);
    // No voter's address appears anywhere the script wrote.
    const written = host.spreadsheet.valuesAt(`${R}!A1:H60`).flat().join(' ');
    for (const email of MEMBER_EMAILS) expect(written).not.toContain(email);
    // The form is closed: a late answer is refused.
    expect(host.forms.respond('late@gmail.com', form.id, {})).toEqual({
      ok: false,
      reason: 'closed',
    });
  });

  it("refuses the count to the owner, who cannot open the head's form", () => {
    const host = secretHost();
    const run = host.clickMenu('Kiểm phiếu bình xét', host.owner);
    expect(run.status).toBe('ok');
    expect(host.ui.shown.at(-1)?.prompt).toContain('chỉ tài khoản đã tạo biểu mẫu');
    expect(host.spreadsheet.sheet(VOTE_RESULT_SHEET)).toBeUndefined();
  });
});
