import { eq } from 'drizzle-orm';
import type {
  Customer,
  CustomerEvent,
  CustomerFields,
  CustomerRow,
  CustomerStatus,
  ParsedInput,
  SearchHit,
  StatusCounts,
} from '../../src-shared/contract';
import { localDateOf, type IsoDate } from '../../src-shared/dates';
import { AppError, type FieldIssue } from '../../src-shared/errors';
import { parsePhone, phoneDisplay, phoneSearchDigits } from '../../src-shared/phones';
import { foldForSearch } from '../../src-shared/search';
import { refreshPlannerStatistics, type DbHandle } from '../db/connection';
import { rethrowConstraint } from '../db/constraints';
import { CustomerHistory } from './history';
import { CustomerStore, type CustomerColumns, type CustomerListRow } from './store';
import { customers, plans } from '../db/schema';
import type { PlansService } from '../plans/service';
import { pppoePasswordPlace, SecretUnreadableError, type SecretBox } from '../secrets/secretBox';
import type { SettingsService } from '../settings/service';

type CustomerDbRow = typeof customers.$inferSelect;

/** The stored phones (E.164, in a JSON array) as shown in the office's country. */
function shownPhones(phones: string, country: string): string[] {
  return (JSON.parse(phones) as string[]).map((p) => phoneDisplay(p, country));
}

function firstPhone(phones: string, country: string): string | null {
  const [first] = JSON.parse(phones) as string[];
  return first === undefined ? null : phoneDisplay(first, country);
}

export function toRow(r: CustomerListRow, country: string): CustomerRow {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    phone: firstPhone(r.phones, country),
    status: r.status,
    planId: r.plan_id,
    planName: r.plan_name,
    pppoeUsername: r.pppoe_username,
    staticIp: r.static_ip,
    accessPoint: r.access_point,
    createdAt: r.created_at,
  };
}

/**
 * Which field found a hit, when it is not one the search box always shows (name, account number,
 * phone): the operator who typed part of a MAC or an e-mail sees why this customer came up.
 * `text` is what the store searched for (a phone already turned into its digits).
 */
export function matchedField(r: CustomerListRow, text: string): SearchHit['matched'] {
  const terms = foldForSearch(text.trim()).split(/\s+/).filter(Boolean);
  const contains = (value: string | null, term: string) => value !== null && foldForSearch(value).includes(term);
  const shownAnyway = (term: string) =>
    contains(r.name, term) || contains(r.account_no, term) || r.phones.replace(/\D/g, '').includes(term);
  const unshown = terms.filter((term) => !shownAnyway(term));
  if (unshown.length === 0) return null;
  const fields: [NonNullable<SearchHit['matched']>, string | null][] = [
    ['email', r.email],
    ['macAddress', r.mac_address],
    ['pppoeUsername', r.pppoe_username],
    ['staticIp', r.static_ip],
  ];
  const macDigits = (r.mac_address ?? '').replaceAll(':', '');
  for (const [field, value] of fields) {
    const found = (term: string) =>
      contains(value, term) || (field === 'macAddress' && contains(macDigits, term.replace(/[:-]/g, '')));
    if (unshown.some(found)) return field;
  }
  return null;
}

function toHit(r: CustomerListRow, country: string, text: string): SearchHit {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    phone: firstPhone(r.phones, country),
    pppoeUsername: r.pppoe_username,
    staticIp: r.static_ip,
    email: r.email,
    macAddress: r.mac_address,
    matched: matchedField(r, text),
    status: r.status,
  };
}

function toCustomer(r: CustomerDbRow, planName: string | null, country: string): Customer {
  return {
    id: r.id,
    accountNo: r.accountNo,
    name: r.name,
    phones: shownPhones(r.phones, country),
    email: r.email,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    idProof: r.idProof,
    notes: r.notes,
    status: r.status,
    connectionType: r.connectionType,
    pppoeUsername: r.pppoeUsername,
    hasPppoePassword: r.pppoePasswordEnc !== null,
    staticIp: r.staticIp,
    macAddress: r.macAddress,
    cpeModel: r.cpeModel,
    accessPoint: r.accessPoint,
    planId: r.planId,
    planName,
    billingDay: r.billingDay,
    installedOn: r.installedOn,
    gstin: r.gstin,
    placeOfSupply: r.placeOfSupply,
    billingStartOn: r.billingStartOn,
    statusChangedAt: r.statusChangedAt,
    statusReason: r.statusReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Fields whose change is a connection change in the timeline (what the router and the technician care about). */
const CONNECTION_FIELDS = [
  'connectionType',
  'pppoeUsername',
  'staticIp',
  'macAddress',
  'cpeModel',
  'accessPoint',
] as const;
/** Fields whose change is a change of contact or billing details. */
const DETAIL_FIELDS = [
  'name',
  'phones',
  'email',
  'address',
  'billingDay',
  'installedOn',
  'gstin',
  'placeOfSupply',
  'billingStartOn',
] as const;

export interface NewCustomer extends CustomerFields {
  /** Imports may bring a status; a new sign-up is active. */
  status?: CustomerStatus;
}

export class CustomersService {
  readonly store: CustomerStore;
  /** Numbers readPhones has read: an import reads each row's phones as it checks, then again as it writes. */
  private readonly readE164 = new Set<string>();
  readonly history: CustomerHistory;
  /**
   * Billing's part of a change, in the same transaction: a status change may credit the days
   * not served or bill the rest of a period; a plan change from the form takes effect on the
   * date this returns (the next period's start).
   */
  billingHooks: {
    statusChanged(customerId: number, from: CustomerStatus, to: CustomerStatus, on: IsoDate): void;
    planChangeEffectiveOn(customerId: number): IsoDate;
  } | null = null;

  constructor(
    private readonly handle: DbHandle,
    private readonly plans: PlansService,
    private readonly settings: SettingsService,
    private readonly secrets: SecretBox,
  ) {
    this.store = new CustomerStore(handle.sqlite);
    this.history = new CustomerHistory(handle.sqlite);
  }

  private get db() {
    return this.handle.db;
  }

  private row(id: number): CustomerDbRow {
    const row = this.db.select().from(customers).where(eq(customers.id, id)).get();
    if (!row) throw new AppError('not_found', `There is no customer with id ${id}`);
    return row;
  }

  get(id: number): Customer {
    const row = this.row(id);
    const plan =
      row.planId === null
        ? undefined
        : this.db.select({ name: plans.name }).from(plans).where(eq(plans.id, row.planId)).get();
    return toCustomer(row, plan?.name ?? null, this.settings.get().country);
  }

  /** The PPPoE username or static IP that another customer (archived ones too) already holds. */
  conflicts(input: CustomerFields, exceptId: number | null = null): { field: string; message: string }[] {
    const found: { field: string; message: string }[] = [];
    const holderOfUsername = input.pppoeUsername && this.store.holderOfUsername(input.pppoeUsername, exceptId ?? 0);
    if (holderOfUsername) {
      found.push({
        field: 'pppoeUsername',
        message: `PPPoE username "${input.pppoeUsername}" is already used by ${holderOfUsername.account_no} ${holderOfUsername.name}`,
      });
    }
    const holderOfIp = input.staticIp && this.store.holderOfIp(input.staticIp, exceptId ?? 0);
    if (holderOfIp) {
      found.push({
        field: 'staticIp',
        message: `IP ${input.staticIp} is already used by ${holderOfIp.account_no} ${holderOfIp.name}`,
      });
    }
    return found;
  }

  /** Every taken value at once, each under its own field, so the form can show them together. */
  private assertUnique(input: CustomerFields, exceptId: number | null): void {
    const found = this.conflicts(input, exceptId);
    const [first] = found;
    if (!first) return;
    throw new AppError('conflict', found.map((c) => c.message).join('; '), {
      field: first.field,
      issues: found.map((c) => ({ path: [c.field], message: c.message })),
    });
  }

  /** Other customers (archived ones too) with this MAC: a warning, since a CPE moves between homes. */
  macHolders(macAddress: string, exceptId: number | null): { id: number; accountNo: string; name: string }[] {
    return this.store.holdersOfMac(macAddress, exceptId ?? 0);
  }

  /** Takes `count` account numbers (prefix + 6 digits) from the counter; never reused. */
  private takeAccountNos(count: number): string[] {
    const first = this.store.takeFromSequence('account_no', count);
    const prefix = this.settings.get().accountPrefix;
    return Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(6, '0')}`);
  }

  /**
   * Reads each phone against the office's country (src-shared/phones.ts): the E.164 forms to
   * store, and an issue at phones.N for each that is not a number there.
   */
  readPhones(phones: string[]): { phones: string[]; issues: FieldIssue[] } {
    const country = this.country;
    const issues: FieldIssue[] = [];
    const read = phones.map((phone, i) => {
      if (this.readE164.has(phone)) return phone;
      const check = parsePhone(phone, country);
      if (!check.ok) {
        issues.push({ path: ['phones', i], message: check.message });
        return phone;
      }
      if (this.readE164.size >= 200_000) this.readE164.clear();
      this.readE164.add(check.e164);
      return check.e164;
    });
    return { phones: read, issues };
  }

  /**
   * The input as stored: phones in E.164 (a validation error if any is not a number); billing
   * starts on the date given, else on the later of the installation and `addedOn` (the office's
   * date the customer was added); with a GSTIN and no place of supply, the GSTIN's state.
   */
  private prepared<T extends CustomerFields>(input: T, addedOn: IsoDate, exceptId: number | null = null): T {
    const { phones, issues } = this.readPhones(input.phones);
    if (issues.length) {
      // The taken values too, so the form shows every problem after one save.
      for (const c of this.conflicts(input, exceptId)) issues.push({ path: [c.field], message: c.message });
      const described = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new AppError('validation', `Check the input: ${described}`, { field: issues[0]!.path.join('.'), issues });
    }
    return {
      ...input,
      phones,
      placeOfSupply: input.placeOfSupply ?? input.gstin?.slice(0, 2) ?? null,
      billingStartOn:
        input.billingStartOn ?? (input.installedOn && input.installedOn > addedOn ? input.installedOn : addedOn),
    };
  }

  private columns(input: CustomerFields): CustomerColumns {
    return {
      name: input.name,
      phones: JSON.stringify(input.phones),
      email: input.email,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      idProof: input.idProof,
      notes: input.notes,
      connectionType: input.connectionType,
      pppoeUsername: input.pppoeUsername,
      staticIp: input.staticIp,
      macAddress: input.macAddress,
      cpeModel: input.cpeModel,
      accessPoint: input.accessPoint,
      planId: input.planId,
      billingDay: input.billingDay,
      installedOn: input.installedOn,
      gstin: input.gstin,
      placeOfSupply: input.placeOfSupply,
      billingStartOn: input.billingStartOn,
    };
  }

  /**
   * Inserts one customer; the caller holds the transaction. Bulk callers that have already
   * checked every row skip the friendly uniqueness check: the UNIQUE indexes still hold.
   */
  private insert(input: NewCustomer, accountNo: string, now: string, checkUnique = true): number {
    if (input.planId !== null) this.plans.requireAssignable(input.planId);
    if (checkUnique) this.assertUnique(input, null);
    try {
      return this.store.insert(this.columns(input), {
        accountNo,
        status: input.status ?? 'active',
        statusChangedAt: now,
        pppoePasswordEnc: input.pppoePassword
          ? this.secrets.encrypt(input.pppoePassword, pppoePasswordPlace(accountNo))
          : null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      rethrowConstraint(error);
    }
  }

  create(fields: NewCustomer): Customer {
    const input = this.prepared(fields, this.settings.today());
    const id = this.handle.sqlite
      .transaction(() => {
        const newId = this.insert(input, this.takeAccountNos(1)[0]!, new Date().toISOString());
        this.store.indexForSearch(newId, newId);
        this.history.recordCreated(newId, newId, 'form');
        return newId;
      })
      .immediate();
    return this.get(id);
  }

  /**
   * Runs `work` in one immediate transaction, which createMany inside it joins: checks that must
   * see exactly the rows a bulk write goes over (an import's) run in the write itself.
   */
  inWriteTransaction<T>(work: () => T): T {
    return this.handle.sqlite.transaction(work).immediate();
  }

  /**
   * Creates many customers in one transaction: all of them, or none. Returns their ids.
   * A taken PPPoE username or IP fails the whole batch with a `conflict`.
   */
  createMany(
    inputs: NewCustomer[],
    onProgress?: (done: number) => void,
    source: 'import' | 'demo' = 'import',
  ): number[] {
    const now = new Date().toISOString();
    const today = this.settings.today();
    const rows = inputs.map((input) => this.prepared(input, today));
    const ids = this.handle.sqlite
      .transaction(() => {
        const accountNos = this.takeAccountNos(rows.length);
        const newIds = rows.map((input, i) => {
          const id = this.insert(input, accountNos[i]!, now, false);
          if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
          return id;
        });
        if (newIds.length) {
          this.store.indexForSearch(newIds[0]!, newIds[newIds.length - 1]!);
          this.history.recordCreated(newIds[0]!, newIds[newIds.length - 1]!, source);
        }
        return newIds;
      })
      .immediate();
    if (inputs.length >= 1000) refreshPlannerStatistics(this.handle.sqlite);
    return ids;
  }

  update(id: number, fields: CustomerFields): Customer {
    this.handle.sqlite
      .transaction(() => {
        const current = this.row(id);
        const input = this.prepared(fields, localDateOf(current.createdAt, this.settings.get().timeZone), id);
        if (current.status === 'archived') {
          throw new AppError(
            'customer_archived',
            `${current.accountNo} ${current.name} is archived: bring the customer back before editing`,
          );
        }
        if (input.planId !== null) this.plans.requireAssignable(input.planId, current.planId);
        this.assertUnique(input, id);
        const password =
          input.pppoePassword === undefined
            ? {}
            : {
                pppoePasswordEnc:
                  input.pppoePassword === null
                    ? null
                    : this.secrets.encrypt(input.pppoePassword, pppoePasswordPlace(current.accountNo)),
              };
        const now = new Date().toISOString();
        const columns = this.columns(input);
        try {
          this.db
            .update(customers)
            .set({ ...columns, ...password, updatedAt: now })
            .where(eq(customers.id, id))
            .run();
        } catch (error) {
          rethrowConstraint(error);
        }
        this.recordChanges(current, columns, input.pppoePassword !== undefined, now);
      })
      .immediate();
    return this.get(id);
  }

  /** Writes what an edit changed to the timeline: the plan, the connection, the contact details. */
  private recordChanges(before: CustomerDbRow, after: CustomerColumns, passwordChanged: boolean, at: string): void {
    if (before.planId !== after.planId) {
      const name = (planId: number | null) => (planId === null ? null : this.plans.get(planId).name);
      this.history.record(before.id, {
        kind: 'plan_changed',
        at,
        effectiveOn: this.billingHooks?.planChangeEffectiveOn(before.id) ?? this.settings.today(),
        details: {
          from: { id: before.planId, name: name(before.planId) },
          to: { id: after.planId, name: name(after.planId) },
        },
      });
    }
    const changed = (fields: readonly (keyof CustomerColumns)[]) =>
      Object.fromEntries(fields.filter((f) => before[f] !== after[f]).map((f) => [f, [before[f], after[f]]]));
    const connection = changed(CONNECTION_FIELDS);
    if (passwordChanged) connection.pppoePassword = ['…', '…']; // that it changed, never the value
    if (Object.keys(connection).length) {
      this.history.record(before.id, { kind: 'connection_changed', at, details: { changes: connection } });
    }
    const contact = changed(DETAIL_FIELDS);
    if (Object.keys(contact).length) {
      this.history.record(before.id, { kind: 'details_changed', at, details: { changes: contact } });
    }
  }

  /**
   * Suspends, restores, disconnects, archives or brings back a customer, with the reason, in
   * the timeline. Archiving frees the static IP and PPPoE username (a churned customer's IP is
   * reused) unless `keepIdentifiers`; bringing the customer back takes them again if still free.
   */
  setStatus(id: number, status: CustomerStatus, reason: string, keepIdentifiers = false): Customer {
    this.handle.sqlite
      .transaction(() => {
        const current = this.row(id);
        if (current.status === status) return;
        const now = new Date().toISOString();
        const details: Record<string, unknown> = { from: current.status, to: status };
        const identifiers: Partial<Pick<CustomerDbRow, 'pppoeUsername' | 'staticIp'>> = {};
        if (status === 'archived' && !keepIdentifiers) {
          const released = { pppoeUsername: current.pppoeUsername, staticIp: current.staticIp };
          if (released.pppoeUsername !== null || released.staticIp !== null) {
            details.released = released;
            Object.assign(identifiers, { pppoeUsername: null, staticIp: null });
          }
        }
        if (current.status === 'archived') Object.assign(details, this.reclaimIdentifiers(current, identifiers));
        this.db
          .update(customers)
          .set({ status, statusReason: reason, statusChangedAt: now, updatedAt: now, ...identifiers })
          .where(eq(customers.id, id))
          .run();
        const on = this.settings.today();
        this.history.record(id, { kind: 'status_changed', at: now, effectiveOn: on, reason, details });
        this.billingHooks?.statusChanged(id, current.status, status, on);
      })
      .immediate();
    return this.get(id);
  }

  /**
   * Moves a customer to another plan from `effectiveOn` (billing's "change plan now" or "from
   * the next period"), on the timeline. The caller holds the transaction.
   */
  setPlan(id: number, planId: number, effectiveOn: IsoDate, how: 'now' | 'next_period'): void {
    const current = this.row(id);
    const at = new Date().toISOString();
    this.db.update(customers).set({ planId, updatedAt: at }).where(eq(customers.id, id)).run();
    this.history.record(id, {
      kind: 'plan_changed',
      at,
      effectiveOn,
      details: {
        from: { id: current.planId, name: current.planId === null ? null : this.plans.get(current.planId).name },
        to: { id: planId, name: this.plans.get(planId).name },
        how,
      },
    });
  }

  /** On restore: the IP and username released at archiving come back if nobody took them since. */
  private reclaimIdentifiers(
    current: CustomerDbRow,
    into: Partial<Pick<CustomerDbRow, 'pppoeUsername' | 'staticIp'>>,
  ): { reclaimed?: Record<string, string>; taken?: Record<string, string> } {
    const archived = this.history.last(current.id, 'status_changed');
    const released = archived?.details.released as
      { pppoeUsername: string | null; staticIp: string | null } | undefined;
    if (!released) return {};
    const reclaimed: Record<string, string> = {};
    const taken: Record<string, string> = {};
    if (released.pppoeUsername && current.pppoeUsername === null) {
      const holder = this.store.holderOfUsername(released.pppoeUsername, current.id);
      if (holder) taken.pppoeUsername = `${released.pppoeUsername} (now ${holder.account_no} ${holder.name})`;
      else reclaimed.pppoeUsername = into.pppoeUsername = released.pppoeUsername;
    }
    if (released.staticIp && current.staticIp === null) {
      const holder = this.store.holderOfIp(released.staticIp, current.id);
      if (holder) taken.staticIp = `${released.staticIp} (now ${holder.account_no} ${holder.name})`;
      else reclaimed.staticIp = into.staticIp = released.staticIp;
    }
    return {
      ...(Object.keys(reclaimed).length ? { reclaimed } : {}),
      ...(Object.keys(taken).length ? { taken } : {}),
    };
  }

  /** Today in the office's time zone. */
  today(): string {
    return this.settings.today();
  }

  /** The customer's timeline, newest first. */
  timeline(id: number): CustomerEvent[] {
    this.row(id);
    return this.history.list(id);
  }

  /** The stored PPPoE password, in clear: each reveal is written to the customer's timeline. */
  revealPppoePassword(id: number): string | null {
    const row = this.row(id);
    if (row.pppoePasswordEnc === null) return null;
    let password: string;
    try {
      password = this.secrets.decrypt(row.pppoePasswordEnc, pppoePasswordPlace(row.accountNo));
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      throw new AppError(
        'secret_unreadable',
        `The stored PPPoE password of ${row.accountNo} cannot be read: it was not sealed for this customer ` +
          "with this database's key. Set a new password for the customer.",
        { field: 'pppoePassword' },
      );
    }
    this.history.record(id, { kind: 'pppoe_password_revealed', at: new Date().toISOString() });
    return password;
  }

  list(input: ParsedInput<'customers.list'>): { records: CustomerRow[]; total: number } {
    const { rows, total } = this.store.page(
      { text: this.searchText(input.query), status: input.status, planId: input.planId },
      input.sort,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    );
    const country = this.country;
    return { records: rows.map((r) => toRow(r, country)), total };
  }

  search(query: string, limit: number): SearchHit[] {
    const country = this.country;
    const text = this.searchText(query);
    return this.store.search(text, limit).map((r) => toHit(r, country, text));
  }

  /**
   * The text the store looks for: a phone number or a piece of one, however it is typed
   * (+91 98220 12345, 09822012345, a caller ID), as the digits the search index holds.
   */
  searchText(query: string): string {
    return phoneSearchDigits(query, this.country) ?? query;
  }

  /** The office's country, which phones without a country code belong to. */
  get country(): string {
    return this.settings.get().country;
  }

  countByStatus(): StatusCounts {
    const counts = this.store.countByStatus();
    return { ...counts, total: counts.active + counts.suspended + counts.disconnected + counts.archived };
  }

  count(): number {
    return this.store.count();
  }
}
