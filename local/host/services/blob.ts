/**
 * Blob: bytes with a content type and a name. Utilities.newBlob makes them; later services (Drive
 * files, Docs PDF export, Mail attachments) reuse this class and read the bytes with `blobBytes`.
 *
 * Reference: https://developers.google.com/apps-script/reference/base/blob
 * ASSUMPTION: getAs(type) converts only to the blob's own type (a copy); other conversions are done by
 * the services that own them (e.g. the Docs fake's PDF export) and fail loudly here.
 */
import type { HostRuntime } from '../runtime';
import { assertType, strict, type AssertNoExtraMethods, type FakeOf } from '../strict';
import { fromByteArray, signatureError, toSignedBytes, utf8 } from './common';

type RealBlob = GoogleAppsScript.Base.Blob;

/** Extension -> MIME type for setContentTypeFromExtension (the types this project meets). */
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  xml: 'text/xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const byProxy = new WeakMap<object, BlobFake>();

export class BlobFake implements FakeOf<RealBlob> {
  constructor(
    private readonly rt: HostRuntime,
    private bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    this.rt.call('Blob.getBytes', this.bytes.length / 1024);
    return toSignedBytes(this.bytes);
  }

  setBytes(data: number[]): RealBlob {
    this.rt.call('Blob.setBytes');
    if (!Array.isArray(data)) throw signatureError(this.rt, 'Blob.setBytes', [data]);
    this.bytes = fromByteArray(this.rt, data, 'Blob.setBytes');
    return this.self();
  }

  getDataAsString(charset?: string): string {
    this.rt.call('Blob.getDataAsString');
    return decode(this.rt, this.bytes, charset);
  }

  setDataFromString(text: string, charset?: string): RealBlob {
    this.rt.call('Blob.setDataFromString');
    this.bytes = encode(this.rt, String(text), charset);
    return this.self();
  }

  getContentType(): string | null {
    this.rt.call('Blob.getContentType');
    return this.contentType;
  }

  setContentType(contentType: string | null): RealBlob {
    this.rt.call('Blob.setContentType');
    this.contentType = contentType;
    return this.self();
  }

  setContentTypeFromExtension(): RealBlob {
    this.rt.call('Blob.setContentTypeFromExtension');
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const type = MIME_BY_EXTENSION[ext];
    if (!type) throw this.rt.scriptError(`Could not determine content type from extension: ${ext}`);
    this.contentType = type;
    return this.self();
  }

  getName(): string | null {
    this.rt.call('Blob.getName');
    return this.name;
  }

  setName(name: string): RealBlob {
    this.rt.call('Blob.setName');
    this.name = String(name);
    return this.self();
  }

  isGoogleType(): boolean {
    this.rt.call('Blob.isGoogleType');
    return false;
  }

  copyBlob(): RealBlob {
    this.rt.call('Blob.copyBlob');
    return newBlobObject(this.rt, new Uint8Array(this.bytes), this.contentType, this.name);
  }

  getBlob(): RealBlob {
    this.rt.call('Blob.getBlob');
    return this.self();
  }

  getAs(contentType: string): RealBlob {
    this.rt.call('Blob.getAs');
    if (contentType !== this.contentType) {
      throw new TypeError(
        `thidua local host: Blob.getAs(${contentType}) from ${String(this.contentType)} is not implemented by the host`,
      );
    }
    return newBlobObject(this.rt, new Uint8Array(this.bytes), this.contentType, this.name);
  }

  private self(): RealBlob {
    // Called through the strict proxy, `this` is the proxy already.
    return (proxyOf.get(this) ?? this) as unknown as RealBlob;
  }

  /** Host access (static, so not part of the script-visible instance). */
  static dataOf(fake: BlobFake): {
    bytes: Uint8Array;
    contentType: string | null;
    name: string | null;
  } {
    return { bytes: new Uint8Array(fake.bytes), contentType: fake.contentType, name: fake.name };
  }
}

const proxyOf = new WeakMap<BlobFake, object>();

/** A Blob as the script sees it (strict proxy). */
export function newBlobObject(
  rt: HostRuntime,
  bytes: Uint8Array,
  contentType: string | null,
  name: string | null,
): RealBlob {
  const fake = new BlobFake(rt, bytes, contentType, name);
  const proxy = strict(fake, 'Blob');
  byProxy.set(proxy, fake);
  proxyOf.set(fake, proxy);
  return proxy as unknown as RealBlob;
}

/** Host access to a blob's bytes and metadata (no call counted), for Drive, Docs and Mail fakes. */
export function blobData(
  _rt: HostRuntime,
  blob: unknown,
): { bytes: Uint8Array; contentType: string | null; name: string | null } | undefined {
  const fake = byProxy.get(blob as object);
  return fake ? BlobFake.dataOf(fake) : undefined;
}

export function encode(rt: HostRuntime, text: string, charset?: string): Uint8Array {
  const cs = (charset ?? 'UTF-8').toUpperCase().replace('_', '-');
  if (cs === 'UTF-8') return utf8(text);
  if (cs === 'US-ASCII')
    return new Uint8Array(
      Buffer.from(text, 'utf16le')
        .filter((_, i) => i % 2 === 0)
        .map((b, i) => (text.charCodeAt(i) > 127 ? 63 : b)),
    );
  if (cs === 'ISO-8859-1') return new Uint8Array(Buffer.from(text, 'latin1'));
  throw rt.scriptError(`Unsupported charset: ${String(charset)}`);
}

export function decode(rt: HostRuntime, bytes: Uint8Array, charset?: string): string {
  const cs = (charset ?? 'UTF-8').toUpperCase().replace('_', '-');
  if (cs === 'UTF-8') return Buffer.from(bytes).toString('utf8');
  if (cs === 'US-ASCII') return Buffer.from(bytes.map((b) => (b > 127 ? 63 : b))).toString('ascii');
  if (cs === 'ISO-8859-1') return Buffer.from(bytes).toString('latin1');
  throw rt.scriptError(`Unsupported charset: ${String(charset)}`);
}

export const blobChecks: [true] = [assertType<AssertNoExtraMethods<BlobFake, RealBlob>>()];
