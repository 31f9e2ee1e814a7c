import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconList, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { BillingRunResult } from '../../../../src-shared/contract';
import { call } from '../../../api';
import { downloadBlob } from '../../../lib/downloadText';
import { errorMessage } from '../../../lib/notify';
import { invoiceListHref } from '../list/invoiceListState';
import { numberRangeText, plural } from '../billingText';
import { base64Blob, showPdf } from '../openPdf';
import { progressPercent, useTaskProgress } from '../useTaskProgress';
import { useMoney } from '../useMoney';

interface RunDoneStepProps {
  result: BillingRunResult;
  asOf: string;
  onAgain: () => void;
}

/** Step 4: what was issued, and the invoices for the printer or as files. */
export function RunDoneStep({ result, asOf, onAgain }: RunDoneStepProps) {
  const money = useMoney();
  const [printing, setPrinting] = useState<'pdf' | 'zip' | null>(null);
  const [printError, setPrintError] = useState<string | null>(null);
  const { progress, reset } = useTaskProgress('billing.printBatch', printing !== null);
  const percent = progressPercent(progress);
  const range = numberRangeText(result.firstNumber, result.lastNumber);

  async function print(format: 'pdf' | 'zip') {
    if (result.jobId === null) return;
    reset();
    setPrintError(null);
    setPrinting(format);
    try {
      const file = await call('billing.printBatch', { jobId: result.jobId, format });
      if (format === 'pdf') await showPdf(file.filename, file.base64);
      else downloadBlob(file.filename, base64Blob(file.base64, 'application/zip'));
    } catch (error) {
      setPrintError(errorMessage(error));
    } finally {
      setPrinting(null);
    }
  }

  if (result.invoiceCount === 0) {
    return (
      <Stack gap="md" maw={640}>
        <Alert color="teal" icon={<IconCircleCheck />} title="Nothing to bill">
          Everyone in this scope was already billed as of this date; no invoice was issued.
        </Alert>
        <Group>
          <Button variant="default" leftSection={<IconRefresh size={18} />} onClick={onAgain}>
            Start another run
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={720}>
      <Alert color="teal" icon={<IconCircleCheck />} title={`Issued ${plural(result.invoiceCount, 'invoice')}`}>
        <Text size="sm">
          {range && (
            <Text span ff="monospace" size="sm" fw={600}>
              {range}
            </Text>
          )}{' '}
          to {plural(result.customers, 'customer')}, {money(result.total)} in all.
        </Text>
      </Alert>
      <Group>
        <Button
          leftSection={<IconPrinter size={18} />}
          onClick={() => print('pdf')}
          loading={printing === 'pdf'}
          disabled={printing !== null || result.jobId === null}
          data-autofocus
        >
          Print all (one PDF)
        </Button>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          onClick={() => print('zip')}
          loading={printing === 'zip'}
          disabled={printing !== null || result.jobId === null}
        >
          Download ZIP
        </Button>
        <Button
          component="a"
          variant="default"
          leftSection={<IconList size={18} />}
          href={invoiceListHref({ kind: 'invoice', from: asOf, to: asOf })}
        >
          View invoices
        </Button>
        <Button variant="subtle" leftSection={<IconRefresh size={18} />} onClick={onAgain}>
          Start another run
        </Button>
      </Group>
      {printing && (
        <Stack gap={4} role="status" aria-label="Making the PDFs">
          <Text size="sm">
            Making {format(printing)}
            {progress && progress.total > 0 ? ` — ${progress.done} of ${progress.total}` : '…'}
          </Text>
          <Progress value={percent ?? 100} animated={percent === null} />
        </Stack>
      )}
      {printError && (
        <Alert color="red" title="Could not make the file">
          {printError} Try again; if another job is running, wait for it to finish (see the header).
        </Alert>
      )}
    </Stack>
  );
}

const format = (f: 'pdf' | 'zip') => (f === 'pdf' ? 'one PDF of every invoice' : 'a ZIP of one PDF per invoice');
