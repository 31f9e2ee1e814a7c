import { SettingsInput, type ParsedInput, type Settings } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { gstinProblem } from '../../src-shared/gstin';
import { machineTimeZone, todayIn, type IsoDate } from '../../src-shared/dates';
import type { DbHandle } from '../db/connection';
import { SettingsStore } from './store';

type SettingsFields = ParsedInput<'settings.save'>;

export class SettingsService {
  private cache: Settings | null = null;
  private readonly store: SettingsStore;

  constructor(
    handle: DbHandle,
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
}
