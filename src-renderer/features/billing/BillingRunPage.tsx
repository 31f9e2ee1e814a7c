import { Alert, Card, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import type { BillingRunResult } from '../../../src-shared/contract';
import { todayIn } from '../../../src-shared/dates';
import { PageHeader } from '../../components/PageHeader';
import { jobPercent, jobProgressText } from '../jobs/jobText';
import { useLatestJob } from '../jobs/useLatestJob';
import { useSettings } from '../settings/useSettings';
import { plural } from './billingText';
import { RunDoneStep } from './run/RunDoneStep';
import { RunPreviewStep } from './run/RunPreviewStep';
import { RunScopeStep } from './run/RunScopeStep';
import { useBillingRun } from './run/useBillingRun';
import { progressPercent } from './useTaskProgress';
import { useDay } from './useDay';

const STEP_INDEX = { scope: 0, preview: 1, running: 2, done: 4 } as const;

/** The billing run: pick a date and who, preview every invoice, issue them, then print. */
export function BillingRunPage() {
  const { settings } = useSettings();
  const day = useDay();
  const today = todayIn(settings.timeZone);
  const run = useBillingRun(today);
  const percent = progressPercent(run.progress);
  // A run started before this page opened (the operator went elsewhere meanwhile) is still shown.
  const job = useLatestJob();
  const otherRun = job?.kind === 'billing.run' && job.status === 'running' && run.step !== 'running' ? job : null;
  // When that run ends, its Done step (print, ZIP, view) is shown as if it had been started here.
  // (State adjusted while rendering, as React advises, rather than in an effect.)
  const [watched, setWatched] = useState<number | null>(null);
  if (otherRun && watched !== otherRun.id) setWatched(otherRun.id);
  if (watched !== null && job?.id === watched && job.status !== 'running') {
    setWatched(null);
    if (job.status === 'succeeded' && run.step === 'scope') run.showResult(job.result as BillingRunResult);
  }

  return (
    <>
      <PageHeader
        title="Billing"
        description="Issue this period's invoices: preview first, nothing is written until you confirm"
      />
      <Card p="lg">
        <Stepper active={STEP_INDEX[run.step]} size="sm" mb="xl" allowNextStepsSelect={false}>
          <Stepper.Step label="Date and who" description={run.step === 'scope' ? undefined : day(run.values.asOf)} />
          <Stepper.Step
            label="Preview"
            description={run.preview && run.step !== 'scope' ? plural(run.preview.invoiceCount, 'invoice') : undefined}
          />
          <Stepper.Step label="Issue" loading={run.step === 'running'} />
          <Stepper.Step label="Done" />
        </Stepper>
        <Stack gap="md">
          {otherRun && (
            <Alert color="blue" title="A billing run is in progress" role="status">
              <Text size="sm" mb={6}>
                {jobProgressText(otherRun, settings.locale || 'en-IN')}. Its invoices appear on the Invoices page when
                it ends; a preview now would not count them yet.
              </Text>
              <Progress value={jobPercent(otherRun)} animated />
            </Alert>
          )}
          {run.error && (
            <Alert color="red" title="Billing did not run">
              {run.error}
            </Alert>
          )}
          {run.step === 'scope' && (
            <RunScopeStep
              values={run.values}
              errors={run.errors}
              today={today}
              loading={run.loading}
              onChange={run.change}
              onPreview={() => void run.previewRun()}
            />
          )}
          {(run.step === 'preview' || run.step === 'running') && run.preview && (
            <>
              {run.step === 'running' && (
                <Stack gap={4} role="status" aria-label="Issuing invoices">
                  <Text size="sm">
                    Issuing invoices
                    {run.progress && run.progress.total > 0
                      ? ` — ${run.progress.done} of ${run.progress.total}`
                      : '…'}{' '}
                    You can keep working: the run goes on in the background.
                  </Text>
                  <Progress value={percent ?? 100} animated={percent === null || percent < 100} size="lg" />
                </Stack>
              )}
              <RunPreviewStep
                preview={run.preview}
                running={run.step === 'running'}
                onBack={run.back}
                onCommit={() => void run.commit()}
              />
            </>
          )}
          {run.step === 'done' && run.result && (
            <RunDoneStep result={run.result} asOf={run.values.asOf} onAgain={run.again} />
          )}
        </Stack>
      </Card>
    </>
  );
}
