/**
 * Conformance tests of the FormApp fake (local/host/forms) against
 * https://developers.google.com/apps-script/reference/forms/form-app,
 * https://developers.google.com/apps-script/reference/forms/form and
 * https://developers.google.com/apps-script/reference/forms/form-response, and the Forms
 * publishing change (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
 */
import { hostFor } from './sandboxStandIn';
import type { LocalHost } from '../../local/host';

const MAKE = `
  function make() {
    var form = FormApp.create('Phiếu bình xét');
    form.setCollectEmail(COLLECT).setLimitOneResponsePerUser(true);
    form.addMultipleChoiceItem().setTitle('Ba Đình (Cờ thi đua)').setChoiceValues(['Đồng ý', 'Không đồng ý']);
    PropertiesService.getScriptProperties().setProperty('form', form.getId());
    return form.getId();
  }
  function read() {
    var form = FormApp.openById(PropertiesService.getScriptProperties().getProperty('form'));
    return form.getResponses().map(function (r) {
      return [r.getRespondentEmail(), r.getItemResponses().map(function (i) {
        return i.getItem().getTitle() + '=' + i.getResponse();
      }).join(';')];
    });
  }
  function close() {
    FormApp.openById(PropertiesService.getScriptProperties().getProperty('form')).setAcceptingResponses(false);
  }`;

function formsHost(collect: boolean, startTime = '2026-01-15T08:00:00+07:00'): LocalHost {
  return hostFor(MAKE.replace('COLLECT', String(collect)), {
    runtime: { startTime: new Date(startTime) },
  });
}

function run(host: LocalHost, fn: string, user = host.owner): unknown {
  const r = host.run(fn, { user });
  if (r.status !== 'ok') throw new Error(`${fn}: ${r.status}: ${r.error}`);
  return r.value;
}

describe('Form responses and who answered (reference/forms/form, form-response)', () => {
  it('getRespondentEmail is blank when e-mails are not collected, the address when they are', () => {
    for (const collect of [false, true]) {
      const host = formsHost(collect);
      const id = String(run(host, 'make'));
      expect(host.forms.respond('a@gmail.com', id, { 'Ba Đình (Cờ thi đua)': 'Đồng ý' })).toEqual({
        ok: true,
      });
      expect(run(host, 'read')).toEqual([
        [collect ? 'a@gmail.com' : '', 'Ba Đình (Cờ thi đua)=Đồng ý'],
      ]);
    }
  });

  it('setLimitOneResponsePerUser: one response per signed-in account, none from an anonymous visitor', () => {
    const host = formsHost(false);
    const id = String(run(host, 'make'));
    expect(host.forms.respond('a@gmail.com', id, {}).ok).toBe(true);
    expect(host.forms.respond('A@Gmail.com', id, {})).toEqual({
      ok: false,
      reason: 'alreadyResponded',
    });
    expect(host.forms.respond('', id, {})).toEqual({ ok: false, reason: 'signInRequired' });
  });

  it('setAcceptingResponses(false) closes the form to new responses', () => {
    const host = formsHost(false);
    const id = String(run(host, 'make'));
    run(host, 'close');
    expect(host.forms.respond('a@gmail.com', id, {})).toEqual({ ok: false, reason: 'closed' });
  });

  it('an answer outside the question choices is not accepted', () => {
    const host = formsHost(false);
    const id = String(run(host, 'make'));
    expect(host.forms.respond('a@gmail.com', id, { 'Ba Đình (Cờ thi đua)': 'Có lẽ' })).toEqual({
      ok: false,
      reason: 'badChoice',
    });
  });
});

describe('Who may open a form (reference/forms/form-app#openById)', () => {
  it('only its editors: another account gets an error, and sees nothing of the responses', () => {
    const host = formsHost(false);
    run(host, 'make', 'head@gmail.com');
    const r = host.run('read', { user: host.owner });
    expect(r.status).toBe('error');
    expect(r.error).toContain('do not have permission');
  });

  it('FormApp needs authorisation: a simple trigger may not call it', () => {
    const host = formsHost(false);
    const r = host.run('make', { kind: 'simple' });
    expect(r.status).toBe('error');
    expect(r.error).toContain('https://www.googleapis.com/auth/forms');
  });
});

describe('Publishing (api-changes-to-google-forms: unpublished by default after June 30, 2026)', () => {
  it('STRICTER READING: a form made after that date takes no response until its owner publishes it', () => {
    const host = formsHost(false, '2026-12-05T08:00:00+07:00');
    const id = String(run(host, 'make'));
    expect(host.forms.respond('a@gmail.com', id, {})).toEqual({ ok: false, reason: 'unpublished' });
    host.forms.publish(host.owner, id);
    expect(host.forms.respond('a@gmail.com', id, {}).ok).toBe(true);
  });

  it('a form made before it is published at once', () => {
    const host = formsHost(false, '2026-06-01T08:00:00+07:00');
    const id = String(run(host, 'make'));
    expect(host.forms.respond('a@gmail.com', id, {}).ok).toBe(true);
  });
});
