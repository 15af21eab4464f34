/**
 * MailApp for the script, and a sent box for tests and the demo. Nothing leaves the machine.
 *
 * Reference: https://developers.google.com/apps-script/reference/mail/mail-app —
 * sendEmail(recipient, subject, body[, options]), sendEmail(to, replyTo, subject, body),
 * sendEmail(message) with the advanced parameters attachments, bcc, body, cc, htmlBody, inlineImages,
 * name, noReply ("only possible for Google Workspace accounts, not Gmail users"), replyTo, subject,
 * to; recipients are comma-separated; getRemainingDailyQuota() "returns the number of remaining
 * emails a user can send for the rest of the day".
 *
 * Quotas (https://developers.google.com/apps-script/guides/services/quotas): every recipient (to, cc
 * and bcc) counts against "Email recipients per day", 100 (consumer) / 1,500 (Workspace), and the
 * day's last one throws "Service invoked too many times for one day: email." (runtime.ts). Limits per
 * message from the same page: 50 / 500 recipients, body 200 KB / 400 KB, attachments 25 MB in total.
 *
 * Error texts: "Invalid email: <address>" for an address Apps Script cannot parse (the Japanese UI's
 * "無効なメール: NA" in ttsukagoshi/mail-merge-for-gmail#391 is the same message; invalid cc reported in
 * knmnyn/GMail-Mail-Merge#13). ASSUMPTIONS (no published text): "Failed to send email: no recipient"
 * when to, cc and bcc are all empty; "Limit Exceeded: Email Recipients Per Message.", "Limit Exceeded:
 * Email Body Size." and "Limit Exceeded: Email Total Attachments Size." for the per-message limits;
 * the quota is checked before anything is sent, so a refused message uses none of it.
 */
import type { AccountType, HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { blobData } from '../services/blob';
import { requireAuthorization, signatureError, utf8Length } from '../services/common';

type RealMailApp = GoogleAppsScript.Mail.MailApp;

export const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

export const MAIL_LIMITS: Record<
  AccountType,
  { recipientsPerMessage: number; bodyBytes: number; attachmentBytes: number }
> = {
  consumer: { recipientsPerMessage: 50, bodyBytes: 200 * 1024, attachmentBytes: 25 * 1024 * 1024 },
  workspace: {
    recipientsPerMessage: 500,
    bodyBytes: 400 * 1024,
    attachmentBytes: 25 * 1024 * 1024,
  },
};

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  size: number;
  bytes: Uint8Array;
}

export interface SentMail {
  /** The sending account (the execution's user), or the no-reply address on Workspace. */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  /** Display name of the sender (options.name). */
  name?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  noReply: boolean;
  attachments: SentAttachment[];
  inlineImages: string[];
  /** Virtual time the message was sent (ms since epoch). */
  timeMs: number;
  executionId?: number;
}

/** The host's record of everything MailApp sent. */
export class SentBox {
  readonly messages: SentMail[] = [];

  /** Messages with `address` among to, cc or bcc (case-insensitive). */
  to(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) => [...m.to, ...m.cc, ...m.bcc].includes(a));
  }

  recipientCount(): number {
    return this.messages.reduce((n, m) => n + m.to.length + m.cc.length + m.bcc.length, 0);
  }

  clear(): void {
    this.messages.length = 0;
  }
}

interface Message {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
  attachments: unknown[];
  inlineImages: Record<string, unknown>;
}

/** An address as MailApp accepts it: "a@b.c" or "Name <a@b.c>". */
const ADDRESS = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;

class MailAppFake implements FakeOf<RealMailApp> {
  constructor(
    private readonly rt: HostRuntime,
    private readonly box: SentBox,
  ) {}

  getRemainingDailyQuota(): number {
    this.rt.call('MailApp.getRemainingDailyQuota');
    requireAuthorization(this.rt, 'MailApp.getRemainingDailyQuota', MAIL_SCOPE);
    return this.rt.quotaRemaining('emailRecipients');
  }

  sendEmail(...args: unknown[]): void {
    this.rt.call('MailApp.sendEmail');
    requireAuthorization(this.rt, 'MailApp.sendEmail', MAIL_SCOPE);
    const message = this.parseArgs(args);
    this.send(message);
  }

  private parseArgs(args: unknown[]): Message {
    const str = (v: unknown): v is string => typeof v === 'string';
    if (args.length === 1 && isObject(args[0])) return this.fromOptions(args[0], {});
    if (args.length === 3 && args.every(str)) {
      const [to, subject, body] = args as [string, string, string];
      return this.fromOptions({}, { to, subject, body });
    }
    if (args.length === 4 && args.every(str)) {
      const [to, replyTo, subject, body] = args as [string, string, string, string];
      return this.fromOptions({}, { to, replyTo, subject, body });
    }
    if (args.length === 4 && str(args[0]) && str(args[1]) && str(args[2]) && isObject(args[3])) {
      const [to, subject, body, options] = args;
      return this.fromOptions(options, { to, subject, body });
    }
    throw signatureError(this.rt, 'MailApp.sendEmail', args);
  }

  /** Positional arguments win over the same fields of the options object. */
  private fromOptions(
    options: Record<string, unknown>,
    positional: Record<string, string>,
  ): Message {
    const field = (key: string): unknown => positional[key] ?? options[key];
    const text = (key: string): string | undefined => {
      const v = field(key);
      if (v === undefined || v === null) return undefined;
      // Apps Script turns any value into text here; objects print as Java would, roughly.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return JSON.stringify(v) ?? '';
    };
    const attachments = options.attachments;
    if (attachments !== undefined && attachments !== null && !Array.isArray(attachments)) {
      throw signatureError(this.rt, 'MailApp.sendEmail', [options]);
    }
    const inline = options.inlineImages;
    return {
      to: text('to') ?? '',
      cc: text('cc') ?? '',
      bcc: text('bcc') ?? '',
      subject: text('subject') ?? '',
      body: text('body') ?? '',
      htmlBody: text('htmlBody'),
      name: text('name'),
      replyTo: text('replyTo'),
      noReply: options.noReply === true,
      attachments: (attachments ?? []) as unknown[],
      inlineImages: isObject(inline) ? inline : {},
    };
  }

  private send(m: Message): void {
    const to = this.addresses(m.to);
    const cc = this.addresses(m.cc);
    const bcc = this.addresses(m.bcc);
    if (m.replyTo !== undefined && m.replyTo !== '') this.addresses(m.replyTo);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw this.rt.scriptError('Failed to send email: no recipient');
    const limits = MAIL_LIMITS[this.rt.accountType];
    if (count > limits.recipientsPerMessage) {
      throw this.rt.scriptError('Limit Exceeded: Email Recipients Per Message.');
    }
    if (utf8Length(m.body) + utf8Length(m.htmlBody ?? '') > limits.bodyBytes) {
      throw this.rt.scriptError('Limit Exceeded: Email Body Size.');
    }
    const attachments = m.attachments.map((a) => this.attachment(a, m));
    const attachmentBytes = attachments.reduce((n, a) => n + a.size, 0);
    if (attachmentBytes > limits.attachmentBytes) {
      throw this.rt.scriptError('Limit Exceeded: Email Total Attachments Size.');
    }
    const inlineImages = Object.keys(m.inlineImages);
    for (const key of inlineImages) this.attachment(m.inlineImages[key], m);
    this.rt.useQuota('emailRecipients', count);
    const user = this.rt.current?.user ?? this.rt.owner;
    const noReply = m.noReply && this.rt.accountType === 'workspace';
    const sent: SentMail = {
      from: noReply ? `noreply@${user.slice(user.lastIndexOf('@') + 1)}` : user,
      to,
      cc,
      bcc,
      subject: m.subject,
      body: m.body,
      noReply,
      attachments,
      inlineImages,
      timeMs: this.rt.nowMs,
      executionId: this.rt.current?.id,
    };
    if (m.replyTo) sent.replyTo = m.replyTo;
    if (m.name !== undefined) sent.name = m.name;
    if (m.htmlBody !== undefined) sent.htmlBody = m.htmlBody;
    this.box.messages.push(sent);
  }

  /** Comma-separated addresses, each validated; "Name <a@b.c>" keeps only the address. */
  private addresses(list: string): string[] {
    const out: string[] = [];
    for (const raw of list.split(',')) {
      const part = raw.trim();
      if (part === '') continue;
      const angle = /<([^<>]*)>\s*$/.exec(part);
      const address = (angle ? (angle[1] ?? '') : part).trim();
      if (!ADDRESS.test(address)) throw this.rt.scriptError(`Invalid email: ${part}`);
      out.push(address.toLowerCase());
    }
    return out;
  }

  /** A Blob, or any BlobSource (a Drive File: its blob, a Google Doc's PDF). */
  private attachment(source: unknown, m: Message): SentAttachment {
    let data = blobData(this.rt, source);
    if (!data && isObject(source) && typeof source.getBlob === 'function') {
      const getBlob = source.getBlob as () => unknown;
      data = blobData(
        this.rt,
        this.rt.uncounted(() => getBlob.call(source)),
      );
    }
    if (!data) {
      throw signatureError(this.rt, 'MailApp.sendEmail', [
        m.to,
        m.subject,
        m.body,
        { attachments: m.attachments },
      ]);
    }
    return {
      name: data.name,
      contentType: data.contentType,
      size: data.bytes.length,
      bytes: data.bytes,
    };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface MailService {
  MailApp: object;
  sentBox: SentBox;
}

export function createMailService(rt: HostRuntime, sentBox: SentBox = new SentBox()): MailService {
  return { MailApp: strict(new MailAppFake(rt, sentBox), 'MailApp'), sentBox };
}

export const mailChecks: [true] = [assertType<AssertNoExtraMethods<MailAppFake, RealMailApp>>()];
