import { createHash } from 'node:crypto';
import {
  IMAGE_MAX_BYTES,
  SettingsInput,
  type CompanyImage,
  type ParsedInput,
  type Settings,
} from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { gstinProblem } from '../../src-shared/gstin';
import { machineTimeZone, todayIn, type IsoDate } from '../../src-shared/dates';
import type { DbHandle } from '../db/connection';
import { checkImage, decodeBase64 } from './imageFile';
import { SettingsStore, type ImageWhich } from './store';

const IMAGE_NAME: Record<ImageWhich, string> = { logo: 'The logo', signature: 'The signature' };
const SHA_FIELD = { logo: 'logoSha256', signature: 'signatureSha256' } as const;

type SettingsFields = ParsedInput<'settings.save'>;

export class SettingsService {
  private cache: Settings | null = null;
  private readonly store: SettingsStore;

  constructor(
    private readonly handle: DbHandle,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.store = new SettingsStore(handle.db, handle.sqlite);
  }

  get(): Settings {
    if (this.cache) return this.cache;
    const row = this.store.row();
    if (row) {
      const { id: _id, updatedAt: _updatedAt, ...fields } = row;
      // A database from before the setting existed: the machine's zone until the operator picks one.
      this.cache = { ...fields, timeZone: fields.timeZone || machineTimeZone() };
    } else {
      this.cache = {
        configured: false,
        ...SettingsInput.parse({ companyName: '-' }),
        companyName: '',
        logoSha256: null,
        signatureSha256: null,
      };
    }
    return this.cache;
  }

  /** Today's date in the office's time zone: the one "today" every business date starts from. */
  today(): IsoDate {
    return todayIn(this.get().timeZone, this.clock());
  }

  /** Drops the cached settings: after a transaction that saved them was rolled back. */
  forget(): void {
    this.cache = null;
  }

  save(input: SettingsFields): Settings {
    const current = this.get().currency;
    const held = input.currency === current ? [] : this.store.amountsHeld();
    if (held.length > 0) {
      const why = `can't change once plans or invoices hold amounts in ${current}: ${held.join(', ')} would be read as ${input.currency}`;
      throw new AppError('validation', `The currency ${why}. Keep ${current}.`, {
        field: 'currency',
        issues: [{ path: ['currency'], message: why }],
      });
    }
    const gstinIssue = input.currency === 'INR' && input.taxId ? gstinProblem(input.taxId) : null;
    if (gstinIssue) {
      throw new AppError('validation', `Check the GSTIN: ${gstinIssue}`, {
        field: 'taxId',
        issues: [{ path: ['taxId'], message: gstinIssue }],
      });
    }
    if (input.currency === 'INR' && input.taxId && input.stateCode && input.taxId.slice(0, 2) !== input.stateCode) {
      throw new AppError(
        'validation',
        'The GST state code and the GSTIN disagree: a GSTIN starts with its state code',
        {
          field: 'stateCode',
          issues: [{ path: ['stateCode'], message: 'must be the first two digits of the GSTIN' }],
        },
      );
    }
    const { logoSha256, signatureSha256 } = this.get();
    this.store.save({ ...input, logoSha256, signatureSha256, configured: true, updatedAt: new Date().toISOString() });
    this.cache = null;
    return this.get();
  }

  /**
   * Sets the logo or the signature after checking the bytes are a whole PNG or JPEG of a sane
   * size; a refused file changes nothing. Images are kept by hash: documents point at them.
   */
  setImage(which: ImageWhich, base64: string): Settings {
    const refuse = (problem: string) =>
      new AppError('validation', `${IMAGE_NAME[which]} ${problem}`, {
        field: which,
        issues: [{ path: [which], message: problem }],
      });
    const bytes = decodeBase64(base64);
    if (!bytes) throw refuse('could not be read: the upload is not a file (not base64)');
    if (bytes.length > IMAGE_MAX_BYTES) {
      throw refuse('is larger than 1 MB: use a smaller image (a PNG of about 600 px is plenty)');
    }
    const image = checkImage(bytes);
    if (!image.ok) throw refuse(image.problem);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const now = new Date().toISOString();
    this.write(() => {
      this.ensureRow(now);
      this.store.putImage(sha256, { mime: image.mime, bytes }, now);
      this.store.pointImage(which, sha256, now);
    });
    return this.get();
  }

  /** Stops printing the logo or the signature; the image stays for the documents that printed it. */
  removeImage(which: ImageWhich): Settings {
    if (this.get()[SHA_FIELD[which]] === null) return this.get();
    this.write(() => this.store.pointImage(which, null, new Date().toISOString()));
    return this.get();
  }

  /** The current logo or signature, or null when none is set. */
  image(which: ImageWhich): CompanyImage | null {
    const sha256 = this.get()[SHA_FIELD[which]];
    const stored = sha256 ? this.store.image(sha256) : undefined;
    return stored ? { mime: stored.mime, base64: stored.bytes.toString('base64') } : null;
  }

  private write(work: () => void): void {
    try {
      this.handle.sqlite.transaction(work).immediate();
    } finally {
      this.cache = null;
    }
  }

  /** An image may be set before the first save: the row is made with the defaults, still not configured. */
  private ensureRow(updatedAt: string): void {
    if (this.store.row()) return;
    this.store.save({ ...this.get(), configured: false, updatedAt });
  }
}
