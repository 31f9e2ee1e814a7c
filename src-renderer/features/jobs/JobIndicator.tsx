import { CloseButton, Group, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useSettings } from '../settings/useSettings';
import { jobEndText, jobPercent, jobProgressText } from './jobText';
import { useLatestJob } from './useLatestJob';

const DISMISSED_KEY = 'wispdesk.jobs.dismissed';

/** In the header: the running job with its progress, or how the last one failed until dismissed. */
export function JobIndicator() {
  const job = useLatestJob();
  const { settings } = useSettings();
  const [dismissed, setDismissed] = useState(() => Number(localStorage.getItem(DISMISSED_KEY)) || 0);

  if (!job) return null;
  if (job.status === 'running') {
    const text = jobProgressText(job, settings.locale || 'en-IN');
    return (
      <Stack gap={4} w={260} visibleFrom="sm" role="status" aria-label={text}>
        <Text size="xs" truncate title={text}>
          {text}
        </Text>
        <Progress value={jobPercent(job)} size="sm" animated={job.progress.total === 0} />
      </Stack>
    );
  }
  if (job.status === 'succeeded' || job.id === dismissed) return null;
  const text = jobEndText(job);
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, String(job.id));
    setDismissed(job.id);
  };
  return (
    <Group gap={6} wrap="nowrap" maw={360} visibleFrom="sm" role="alert">
      <ThemeIcon color="red" variant="light" size="sm">
        <IconAlertTriangle size={14} />
      </ThemeIcon>
      <Text size="xs" c="red" lineClamp={2} title={text}>
        {text}
      </Text>
      <CloseButton size="sm" aria-label="Dismiss" onClick={dismiss} />
    </Group>
  );
}
