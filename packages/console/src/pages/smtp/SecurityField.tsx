import { Input, SegmentedControl } from '@mantine/core';
import { useId } from 'react';
import type { SmtpSecurity } from './smtp-form';

export const SECURITY_LABELS: Record<SmtpSecurity, string> = { none: 'None', starttls: 'STARTTLS', tls: 'TLS' };

const OPTIONS = (Object.keys(SECURITY_LABELS) as SmtpSecurity[]).map((value) => ({
  value,
  label: SECURITY_LABELS[value],
}));

type SecurityFieldProps = {
  value: SmtpSecurity;
  onChange: (value: SmtpSecurity) => void;
  error?: string | undefined;
};

/** The security mode as a radio group labelled "Security", with the hint or error under it. */
export function SecurityField({ value, onChange, error }: SecurityFieldProps) {
  const id = useId();
  return (
    <Input.Wrapper
      label="Security"
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
      description="TLS: encrypted from the start (port 465). STARTTLS: upgraded after connecting (587, 25)."
      error={error}
      id={id}
    >
      <SegmentedControl
        mt={4}
        fullWidth
        data={OPTIONS}
        value={value}
        onChange={(next) => onChange(next as SmtpSecurity)}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
    </Input.Wrapper>
  );
}
