import type { Route } from '../../router/routes';
import { BillingRunPage } from '../billing/BillingRunPage';
import { InvoiceDetailPage } from '../billing/InvoiceDetailPage';
import { InvoicesPage } from '../billing/InvoicesPage';
import { CustomerDetailPage } from '../customers/CustomerDetailPage';
import { CustomersPage } from '../customers/CustomersPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { CounterPage } from '../payments/CounterPage';
import { PaymentDetailPage } from '../payments/PaymentDetailPage';
import { StatementImportPage } from '../payments/import/StatementImportPage';
import { PaymentsPage } from '../payments/PaymentsPage';
import { DayBookPage } from '../payments/daybook/DayBookPage';
import { DuesPage } from '../payments/dues/DuesPage';
import { PlansPage } from '../plans/PlansPage';
import { SettingsPage } from '../settings/SettingsPage';

/** The screen for the current route. */
export function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerDetailPage key={route.id} id={route.id} />;
    case 'plans':
      return <PlansPage />;
    case 'billing':
      return <BillingRunPage />;
    case 'invoices':
      return <InvoicesPage />;
    case 'invoice':
      return <InvoiceDetailPage key={route.id} id={route.id} />;
    case 'counter':
      return <CounterPage />;
    case 'payments':
      return <PaymentsPage />;
    case 'payment':
      return <PaymentDetailPage key={route.id} id={route.id} />;
    case 'paymentsImport':
      return <StatementImportPage />;
    case 'dues':
      return <DuesPage />;
    case 'daybook':
      return <DayBookPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
