/**
 * Conformance tests of the MailApp fake (local/host/mail) against
 * developers.google.com/apps-script/reference/mail/mail-app and the quotas page
 * (developers.google.com/apps-script/guides/services/quotas).
 */
import { hostFor } from './sandboxStandIn';
import type { LocalHost } from '../../local/host';
import { createMailService, type MailService } from '../../local/host/mail';
import type { AccountType } from '../../local/host/runtime';

function mailHost(
  code: string,
  accountType: AccountType = 'consumer',
): { host: LocalHost; mail: MailService } {
  let mail!: MailService;
  const host = hostFor(code, {
    runtime: { accountType },
    services: {
      MailApp: (h) => {
        mail = createMailService(h.rt);
        return mail.MailApp;
      },
    },
  });
  return { host, mail };
}

function ok(host: LocalHost, fn: string): unknown {
  const r = host.run(fn);
  if (r.status !== 'ok') throw new Error(`${fn}: ${r.status}: ${r.error}`);
  return r.value;
}

describe('MailApp.sendEmail overloads (reference/mail/mail-app#sendEmail)', () => {
  test('sendEmail(recipient, subject, body) goes to the sent box at the virtual time', () => {
    const { host, mail } = mailHost(`
      function f() { MailApp.sendEmail('ubnd.badinh@hanoi.test', 'Giấy khen năm 2025', 'Kính gửi Ủy ban nhân dân quận Ba Đình'); }`);
    const r = host.run('f');
    expect(r.status).toBe('ok');
    expect(mail.sentBox.messages).toHaveLength(1);
    const m = mail.sentBox.messages[0]!;
    expect(m).toMatchObject({
      from: 'owner@thidua.test',
      to: ['ubnd.badinh@hanoi.test'],
      cc: [],
      bcc: [],
      subject: 'Giấy khen năm 2025',
      body: 'Kính gửi Ủy ban nhân dân quận Ba Đình',
      noReply: false,
      attachments: [],
    });
    expect(m.timeMs).toBeGreaterThan(r.execution.startMs);
    // ≈ 1.2 s a message (DESIGN §4).
    expect(r.virtualMs).toBeGreaterThanOrEqual(1200);
    expect(r.execution.calls.get('MailApp.sendEmail')).toBe(1);
  });

  test('sendEmail(recipient, subject, body, options) with attachments, htmlBody, name, replyTo, cc, bcc', () => {
    const { host, mail } = mailHost(`
      function f() {
        var pdf = Utilities.newBlob('%PDF-1.4 giay khen', 'application/pdf', 'Giấy khen - Nguyễn Văn A.pdf');
        var csv = Utilities.newBlob('a,b', 'text/csv', 'ds.csv');
        MailApp.sendEmail('a@ubnd.test, Chánh Văn phòng <B@ubnd.test>', 'Giấy khen', 'Xem tệp đính kèm', {
          attachments: [pdf, csv], htmlBody: '<b>Xem tệp đính kèm</b>', name: 'Cụm thi đua số 1',
          replyTo: 'thidua@ubnd.test', cc: 'c@ubnd.test', bcc: 'd@ubnd.test'
        });
      }`);
    ok(host, 'f');
    const m = mail.sentBox.messages[0]!;
    expect(m.to).toEqual(['a@ubnd.test', 'b@ubnd.test']);
    expect(m.cc).toEqual(['c@ubnd.test']);
    expect(m.bcc).toEqual(['d@ubnd.test']);
    expect(m).toMatchObject({
      name: 'Cụm thi đua số 1',
      replyTo: 'thidua@ubnd.test',
      htmlBody: '<b>Xem tệp đính kèm</b>',
    });
    expect(m.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
      ['Giấy khen - Nguyễn Văn A.pdf', 'application/pdf', 18],
      ['ds.csv', 'text/csv', 3],
    ]);
    expect(Buffer.from(m.attachments[0]!.bytes).toString('utf8')).toBe('%PDF-1.4 giay khen');
    expect(mail.sentBox.to('B@ubnd.test')).toHaveLength(1);
  });

  test('sendEmail(message) and sendEmail(to, replyTo, subject, body)', () => {
    const { host, mail } = mailHost(`
      function f() {
        MailApp.sendEmail({ to: 'a@ubnd.test', subject: 'Thông báo', htmlBody: '<p>Họp cụm</p>', noReply: true });
        MailApp.sendEmail('b@ubnd.test', 'tra-loi@ubnd.test', 'Chủ đề', 'Nội dung');
      }`);
    ok(host, 'f');
    const [first, second] = mail.sentBox.messages;
    expect(first).toMatchObject({
      to: ['a@ubnd.test'],
      subject: 'Thông báo',
      body: '',
      htmlBody: '<p>Họp cụm</p>',
    });
    // noReply is "only possible for Google Workspace accounts, not Gmail users".
    expect(first!.noReply).toBe(false);
    expect(second).toMatchObject({
      to: ['b@ubnd.test'],
      replyTo: 'tra-loi@ubnd.test',
      subject: 'Chủ đề',
      body: 'Nội dung',
    });
  });

  test('noReply sends from a no-reply address on a Workspace account', () => {
    const { host, mail } = mailHost(
      `function f() { MailApp.sendEmail({ to: 'a@ubnd.test', subject: 's', body: 'b', noReply: true }); }`,
      'workspace',
    );
    ok(host, 'f');
    expect(mail.sentBox.messages[0]).toMatchObject({ noReply: true, from: 'noreply@thidua.test' });
  });

  test('arguments of the wrong types are refused with the signature message', () => {
    const { host } = mailHost(
      `function f() { try { MailApp.sendEmail('a@ubnd.test', 'chỉ có chủ đề'); } catch (e) { return e.message; } }`,
    );
    expect(ok(host, 'f')).toBe(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
  });
});

describe('Addresses', () => {
  test('an invalid address throws "Invalid email: …" and nothing is sent or counted', () => {
    const { host, mail } = mailHost(`
      function f() {
        var out = [];
        try { MailApp.sendEmail('khong-hop-le', 's', 'b'); } catch (e) { out.push(e.message); }
        try { MailApp.sendEmail('a@ubnd.test', 's', 'b', { cc: 'undefined, c@ubnd.test' }); } catch (e) { out.push(e.message); }
        try { MailApp.sendEmail({ to: '', subject: 's', body: 'b' }); } catch (e) { out.push(e.message); }
        out.push(MailApp.getRemainingDailyQuota());
        return out;
      }`);
    expect(ok(host, 'f')).toEqual([
      'Invalid email: khong-hop-le',
      'Invalid email: undefined',
      'Failed to send email: no recipient',
      100,
    ]);
    expect(mail.sentBox.messages).toHaveLength(0);
  });
});

describe('Quotas (guides/services/quotas: email recipients per day and per message)', () => {
  test('every recipient (to, cc, bcc) counts; getRemainingDailyQuota reports what is left', () => {
    const { host } = mailHost(`
      function f() {
        var before = MailApp.getRemainingDailyQuota();
        MailApp.sendEmail('a@x.test,b@x.test', 's', 'b', { cc: 'c@x.test', bcc: 'd@x.test' });
        return [before, MailApp.getRemainingDailyQuota()];
      }`);
    expect(ok(host, 'f')).toEqual([100, 96]);
  });

  test('the 101st recipient of a consumer day throws; the next virtual day works again', () => {
    const { host, mail } = mailHost(`
      function f() {
        for (var i = 0; i < 120; i++) {
          try { MailApp.sendEmail('don.vi' + i + '@x.test', 'Giấy khen', 'b'); }
          catch (e) { return [i, e.message, MailApp.getRemainingDailyQuota()]; }
        }
      }
      function again() { MailApp.sendEmail('a@x.test', 's', 'b'); return MailApp.getRemainingDailyQuota(); }`);
    expect(ok(host, 'f')).toEqual([100, 'Service invoked too many times for one day: email.', 0]);
    expect(mail.sentBox.messages).toHaveLength(100);
    host.rt.advance(24 * 3600 * 1000);
    expect(ok(host, 'again')).toBe(99);
  });

  test('a message to more recipients than the day has left is refused whole', () => {
    const { host, mail } = mailHost(`
      function f() { try { MailApp.sendEmail('a@x.test,b@x.test,c@x.test', 's', 'b'); } catch (e) { return [e.message, MailApp.getRemainingDailyQuota()]; } }`);
    host.rt.useQuota('emailRecipients', 98);
    expect(ok(host, 'f')).toEqual(['Service invoked too many times for one day: email.', 2]);
    expect(mail.sentBox.messages).toHaveLength(0);
  });

  test('Workspace accounts have 1,500 recipients a day and 500 a message; consumer 50 a message', () => {
    const code = `
      function f(n) {
        var list = []; for (var i = 0; i < 51; i++) list.push('u' + i + '@x.test');
        try { MailApp.sendEmail(list.join(','), 's', 'b'); return MailApp.getRemainingDailyQuota(); } catch (e) { return e.message; }
      }`;
    expect(ok(mailHost(code).host, 'f')).toBe('Limit Exceeded: Email Recipients Per Message.');
    expect(ok(mailHost(code, 'workspace').host, 'f')).toBe(1500 - 51);
  });

  test('a body over 200 KB (consumer) is refused', () => {
    const { host } = mailHost(`
      function f() { try { MailApp.sendEmail('a@x.test', 's', new Array(200 * 1024 + 2).join('x')); } catch (e) { return e.message; } }`);
    expect(ok(host, 'f')).toBe('Limit Exceeded: Email Body Size.');
  });
});

describe('Authorisation', () => {
  test('a simple trigger may not send mail (guides/triggers#restrictions)', () => {
    const { host } = mailHost(`function onEdit() { MailApp.sendEmail('a@x.test', 's', 'b'); }`);
    expect(host.run('onEdit', { kind: 'simple' }).error).toBe(
      'Exception: You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});
