import { Select, type ComboboxItem } from '@mantine/core';
import { useEffect, useMemo, useState, type Ref } from 'react';
import { call } from '../../api';
import { useCustomerSearch } from '../shell/useCustomerSearch';

interface CustomerPickerProps {
  value: number | null;
  onChange: (customerId: number | null) => void;
  label?: string;
  /** The name for a picker without a visible label (in a table row). */
  'aria-label'?: string;
  disabled?: boolean;
  placeholder?: string;
  error?: string;
  w?: number | string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

const label = (c: { accountNo: string; name: string }) => `${c.name} (${c.accountNo})`;

/** One customer found by name, account no, phone…: the same search as the header's. */
export function CustomerPicker({ value, onChange, inputRef, ...props }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  const { hits, searching } = useCustomerSearch(search);

  // A customer chosen before this screen opened (from the address): its name, once.
  useEffect(() => {
    if (value === null || picked?.value === String(value)) return undefined;
    let current = true;
    call('customers.get', { id: value }).then(
      (c) => {
        if (!current) return;
        setPicked({ value: String(c.id), label: label(c) });
        setSearch(label(c));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [value, picked]);

  const data = useMemo(() => {
    const items = hits.map((h) => ({ value: String(h.id), label: label(h) }));
    if (picked && !items.some((i) => i.value === picked.value)) items.unshift(picked);
    return items;
  }, [hits, picked]);

  return (
    <Select
      {...props}
      ref={inputRef}
      searchable
      clearable
      data={data}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim() && !searching ? 'No customer matches' : undefined}
      onChange={(id, option) => {
        setPicked(option ?? null);
        onChange(id === null ? null : Number(id));
      }}
    />
  );
}
