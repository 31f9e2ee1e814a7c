import { ActionIcon, AppShell, Burger, Group, NavLink, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import {
  IconAntenna,
  IconCash,
  IconCoinRupee,
  IconFileImport,
  IconBook2,
  IconCalendarDue,
  IconFileInvoice,
  IconGauge,
  IconKeyboard,
  IconReceipt,
  IconSettings,
  IconUsers,
  IconWifi,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { navigate, routeHref, type Route } from '../../router/routes';
import { useHashRoute } from '../../router/useHashRoute';
import { useCustomerDialogs } from '../customers/useCustomerDialogs';
import { JobIndicator } from '../jobs/JobIndicator';
import { useSettings } from '../settings/useSettings';
import { GlobalSearch } from './GlobalSearch';
import { Page } from './Page';
import { isTyping } from './shortcuts';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { ThemeToggle } from './ThemeToggle';

const NAV: { label: string; route: Route; icon: typeof IconGauge }[] = [
  { label: 'Dashboard', route: { page: 'dashboard' }, icon: IconGauge },
  { label: 'Customers', route: { page: 'customers' }, icon: IconUsers },
  { label: 'Plans', route: { page: 'plans' }, icon: IconWifi },
  { label: 'Billing', route: { page: 'billing' }, icon: IconFileInvoice },
  { label: 'Invoices', route: { page: 'invoices' }, icon: IconReceipt },
  { label: 'Counter', route: { page: 'counter' }, icon: IconCash },
  { label: 'Payments', route: { page: 'payments' }, icon: IconCoinRupee },
  { label: 'Bank import', route: { page: 'paymentsImport' }, icon: IconFileImport },
  { label: 'Dues', route: { page: 'dues' }, icon: IconCalendarDue },
  { label: 'Day book', route: { page: 'daybook' }, icon: IconBook2 },
  { label: 'Settings', route: { page: 'settings' }, icon: IconSettings },
];

function isActive(item: Route, current: Route): boolean {
  return (
    item.page === current.page ||
    (item.page === 'customers' && current.page === 'customer') ||
    (item.page === 'invoices' && current.page === 'invoice') ||
    (item.page === 'payments' && current.page === 'payment')
  );
}

export function AppLayout() {
  const route = useHashRoute();
  const { settings } = useSettings();
  const { openCustomerForm } = useCustomerDialogs();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Shortcuts work from inside inputs too, so no tags are ignored. A desktop browser keeps
  // Ctrl+N for itself (a new window), so browser mode also answers to Alt+N.
  useHotkeys(
    [
      ['mod+K', () => searchRef.current?.focus()],
      ['mod+N', () => openCustomerForm({})],
      ['alt+N', () => openCustomerForm({})],
      ['alt+B', () => navigate({ page: 'billing' })],
      ['alt+I', () => navigate({ page: 'invoices' })],
      ['alt+P', () => navigate({ page: 'counter' })],
      ['alt+D', () => navigate({ page: 'dues' })],
    ],
    [],
  );

  // "?" (Shift+/) lists the shortcuts, unless the operator is typing a question mark somewhere.
  const [shortcutsOpened, { open: openShortcuts, close: closeShortcuts }] = useDisclosure(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTyping(event.target)) {
        event.preventDefault();
        openShortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openShortcuts]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <ThemeIcon size="lg" radius="md" variant="filled">
              <IconAntenna size={20} />
            </ThemeIcon>
            <Text fw={700} size="lg" visibleFrom="xs">
              WispDesk
            </Text>
          </Group>
          <GlobalSearch inputRef={searchRef} />
          <Group gap="md" wrap="nowrap">
            <JobIndicator />
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={openShortcuts}>
                <IconKeyboard size={18} />
              </ActionIcon>
            </Tooltip>
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow>
          {NAV.map((item) => (
            <NavLink
              key={item.label}
              href={routeHref(item.route)}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.7} />}
              active={isActive(item.route, route)}
              aria-current={isActive(item.route, route) ? 'page' : undefined}
              onClick={closeNav}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" truncate>
            {settings.companyName}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className="wd-main">
        <Page route={route} />
      </AppShell.Main>
      <ShortcutsOverlay opened={shortcutsOpened} onClose={closeShortcuts} />
    </AppShell>
  );
}
