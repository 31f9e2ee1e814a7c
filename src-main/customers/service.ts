import { eq } from 'drizzle-orm';
import type {
  Customer,
  CustomerFields,
  CustomerRow,
  CustomerStatus,
  ParsedInput,
  SearchHit,
  StatusCounts,
} from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { refreshPlannerStatistics, type DbHandle } from '../db/connection';
import { rethrowConstraint } from '../db/constraints';
import { CustomerStore, type CustomerColumns, type CustomerListRow } from './store';
import { customers, plans } from '../db/schema';
import type { PlansService } from '../plans/service';
import type { SecretBox } from '../secrets/secretBox';
import type { SettingsService } from '../settings/service';

type CustomerDbRow = typeof customers.$inferSelect;

function firstPhone(phones: string): string | null {
  const list = JSON.parse(phones) as string[];
  return list[0] ?? null;
}

export function toRow(r: CustomerListRow): CustomerRow {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    phone: firstPhone(r.phones),
    status: r.status,
    planId: r.plan_id,
    planName: r.plan_name,
    pppoeUsername: r.pppoe_username,
    staticIp: r.static_ip,
    accessPoint: r.access_point,
    createdAt: r.created_at,
  };
}

function toHit(r: CustomerListRow): SearchHit {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    phone: firstPhone(r.phones),
    pppoeUsername: r.pppoe_username,
    staticIp: r.static_ip,
    status: r.status,
  };
}

function toCustomer(r: CustomerDbRow, planName: string | null): Customer {
  return {
    id: r.id,
    accountNo: r.accountNo,
    name: r.name,
    phones: JSON.parse(r.phones) as string[],
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
    statusChangedAt: r.statusChangedAt,
    statusReason: r.statusReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface NewCustomer extends CustomerFields {
  /** Imports may bring a status; a new sign-up is active. */
  status?: CustomerStatus;
}

export class CustomersService {
  readonly store: CustomerStore;

  constructor(
    private readonly handle: DbHandle,
    private readonly plans: PlansService,
    private readonly settings: SettingsService,
    private readonly secrets: SecretBox,
  ) {
    this.store = new CustomerStore(handle.sqlite);
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
    return toCustomer(row, plan?.name ?? null);
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

  private assertUnique(input: CustomerFields, exceptId: number | null): void {
    const [conflict] = this.conflicts(input, exceptId);
    if (conflict) throw new AppError('conflict', conflict.message, { field: conflict.field });
  }

  /** Takes `count` account numbers (prefix + 6 digits) from the counter; never reused. */
  private takeAccountNos(count: number): string[] {
    const first = this.store.takeFromSequence('account_no', count);
    const prefix = this.settings.get().accountPrefix;
    return Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(6, '0')}`);
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
        pppoePasswordEnc: input.pppoePassword ? this.secrets.encrypt(input.pppoePassword) : null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      rethrowConstraint(error);
    }
  }

  create(input: NewCustomer): Customer {
    const id = this.handle.sqlite
      .transaction(() => {
        const newId = this.insert(input, this.takeAccountNos(1)[0]!, new Date().toISOString());
        this.store.indexForSearch(newId, newId);
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
  createMany(inputs: NewCustomer[], onProgress?: (done: number) => void): number[] {
    const now = new Date().toISOString();
    const ids = this.handle.sqlite
      .transaction(() => {
        const accountNos = this.takeAccountNos(inputs.length);
        const newIds = inputs.map((input, i) => {
          const id = this.insert(input, accountNos[i]!, now, false);
          if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
          return id;
        });
        if (newIds.length) this.store.indexForSearch(newIds[0]!, newIds[newIds.length - 1]!);
        return newIds;
      })
      .immediate();
    if (inputs.length >= 1000) refreshPlannerStatistics(this.handle.sqlite);
    return ids;
  }

  update(id: number, input: CustomerFields): Customer {
    this.handle.sqlite
      .transaction(() => {
        const current = this.row(id);
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
            : { pppoePasswordEnc: input.pppoePassword === null ? null : this.secrets.encrypt(input.pppoePassword) };
        try {
          this.db
            .update(customers)
            .set({ ...this.columns(input), ...password, updatedAt: new Date().toISOString() })
            .where(eq(customers.id, id))
            .run();
        } catch (error) {
          rethrowConstraint(error);
        }
      })
      .immediate();
    return this.get(id);
  }

  setStatus(id: number, status: CustomerStatus, reason: string): Customer {
    const current = this.row(id);
    if (current.status !== status) {
      const now = new Date().toISOString();
      this.db
        .update(customers)
        .set({ status, statusReason: reason, statusChangedAt: now, updatedAt: now })
        .where(eq(customers.id, id))
        .run();
    }
    return this.get(id);
  }

  revealPppoePassword(id: number): string | null {
    const row = this.row(id);
    return row.pppoePasswordEnc === null ? null : this.secrets.decrypt(row.pppoePasswordEnc);
  }

  list(input: ParsedInput<'customers.list'>): { records: CustomerRow[]; total: number } {
    const { rows, total } = this.store.page(
      { text: input.query, status: input.status, planId: input.planId },
      input.sort,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    );
    return { records: rows.map(toRow), total };
  }

  search(query: string, limit: number): SearchHit[] {
    return this.store.search(query, limit).map(toHit);
  }

  countByStatus(): StatusCounts {
    const counts = this.store.countByStatus();
    return { ...counts, total: counts.active + counts.suspended + counts.disconnected + counts.archived };
  }

  count(): number {
    return this.store.count();
  }
}
