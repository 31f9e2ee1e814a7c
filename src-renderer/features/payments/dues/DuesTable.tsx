import { ActionIcon, Badge, Button, Stack, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMail } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { AGEING_BUCKETS, type DuesRow } from '../../../../src-shared/contract';
import { navigate } from '../../../router/routes';
import { Amount } from '../../billing/Amount';
import { useDay } from '../../billing/useDay';
import { useMoney } from '../../billing/useMoney';
import { BILLING_MODE_LABELS, BUCKET_FIELDS, BUCKET_LABELS, customers } from './duesText';
import { DUES_PAGE_SIZES } from './duesState';

interface DuesTableProps {
  records: DuesRow[];
  total: number;
  fetching: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  noRecordsText: string;
  /** The customer whose letter is being written, if any. */
  printing: number | null;
  onReminder: (row: DuesRow) => void;
}

/** Days overdue or the prepaid end, with the red "To suspend" badge and why in its place. */
function Overdue({ row }: { row: DuesRow }) {
  const day = useDay();
  if (row.toSuspend) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="red" variant="filled" size="sm" style={{ overflow: 'visible' }}>
          To suspend
        </Badge>
        <Text size="xs" c="red">
          {row.toSuspendWhy}
        </Text>
      </Stack>
    );
  }
  if (row.billingMode === 'prepaid' && row.daysOverdue === 0) {
    return <Text size="sm">{row.validUntil ? `valid until ${day(row.validUntil)}` : 'nothing paid for'}</Text>;
  }
  if (row.daysOverdue > 0) {
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {row.daysOverdue} day{row.daysOverdue === 1 ? '' : 's'}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      not yet
    </Text>
  );
}

/** Server-side paged: one page of the customers who owe. A row opens the customer. */
export function DuesTable(props: DuesTableProps) {
  const money = useMoney();
  // At 1366 px every bucket has its column; narrower, the buckets a customer owes in share one.
  const wide = useMediaQuery('(min-width: 1360px)', true, { getInitialValueInEffect: false });
  const bucketColumns: DataTableColumn<DuesRow>[] = AGEING_BUCKETS.map((b) => ({
    accessor: BUCKET_FIELDS[b],
    title: BUCKET_LABELS[b].replace(' days', ''),
    textAlign: 'right',
    noWrap: true,
    hidden: !wide,
    render: (r) => (r[BUCKET_FIELDS[b]] ? <Amount minor={r[BUCKET_FIELDS[b]] as number} /> : <Text c="dimmed">—</Text>),
  }));
  const columns: DataTableColumn<DuesRow>[] = [
    {
      accessor: 'name',
      title: 'Customer',
      render: (r) => (
        <>
          <Text size="sm" fw={500}>
            {r.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {r.accountNo}
          </Text>
          {r.phone && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {r.phone}
            </Text>
          )}
        </>
      ),
    },
    {
      accessor: 'accessPoint',
      title: 'Access point',
      render: (r) => (
        <>
          <Text size="sm">{r.accessPoint || '—'}</Text>
          <Text size="xs" c={r.billingMode === 'prepaid' ? 'cyan' : 'dimmed'}>
            {BILLING_MODE_LABELS[r.billingMode]}
          </Text>
        </>
      ),
    },
    ...bucketColumns,
    {
      accessor: 'buckets',
      title: 'By age',
      hidden: wide,
      render: (r) => (
        <Stack gap={0}>
          {AGEING_BUCKETS.filter((b) => r[BUCKET_FIELDS[b]]).map((b) => (
            <Text key={b} size="xs" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              <Text span size="xs" c="dimmed">
                {BUCKET_LABELS[b]}:
              </Text>{' '}
              {money(r[BUCKET_FIELDS[b]] as number)}
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      accessor: 'balance',
      title: 'Balance',
      textAlign: 'right',
      noWrap: true,
      render: (r) => <Amount minor={r.balance} fw={600} signColor />,
    },
    { accessor: 'daysOverdue', title: 'Overdue', width: 150, render: (r) => <Overdue row={r} /> },
    {
      accessor: 'actions',
      title: '',
      textAlign: 'right',
      cellsClassName: 'wd-pinned-right',
      titleClassName: 'wd-pinned-right',
      render: (r) => {
        const print = (event: React.MouseEvent) => {
          event.stopPropagation();
          props.onReminder(r);
        };
        const busy = props.printing === r.customerId;
        const disabled = props.printing !== null && !busy;
        const label = `Reminder letter for ${r.name}`;
        return wide ? (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconMail size={14} />}
            loading={busy}
            disabled={disabled}
            aria-label={label}
            onClick={print}
          >
            Reminder
          </Button>
        ) : (
          <Tooltip label="Reminder letter">
            <ActionIcon variant="default" loading={busy} disabled={disabled} aria-label={label} onClick={print}>
              <IconMail size={16} />
            </ActionIcon>
          </Tooltip>
        );
      },
    },
  ];
  return (
    <DataTable<DuesRow>
      aria-label="Customers who owe"
      withTableBorder
      borderRadius="md"
      highlightOnHover
      striped
      minHeight={props.records.length ? undefined : 220}
      verticalSpacing="xs"
      horizontalSpacing={wide ? 'sm' : 'xs'}
      columns={columns}
      records={props.records}
      idAccessor="customerId"
      fetching={props.fetching}
      totalRecords={props.total}
      page={props.page}
      onPageChange={props.onPageChange}
      recordsPerPage={props.pageSize}
      recordsPerPageOptions={DUES_PAGE_SIZES}
      onRecordsPerPageChange={props.onPageSizeChange}
      recordsPerPageLabel="Customers per page"
      paginationText={({ from, to, totalRecords }) => `${from}–${to} of ${customers(totalRecords)}`}
      noRecordsText={props.noRecordsText}
      onRowClick={({ record }) => navigate({ page: 'customer', id: record.customerId })}
      rowStyle={() => ({ cursor: 'pointer' })}
    />
  );
}
