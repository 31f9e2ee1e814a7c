import type { Route } from '../../router/routes';
import { CustomerDetailPage } from '../customers/CustomerDetailPage';
import { CustomersPage } from '../customers/CustomersPage';
import { DashboardPage } from '../dashboard/DashboardPage';
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
    case 'settings':
      return <SettingsPage />;
  }
}
