import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../lib/form-errors';
import {
  initialValues,
  SMTP_FORM_FIELDS,
  type SmtpFormValues,
  type SmtpVerifyReply,
  toSaveBody,
  toVerifyBody,
} from './smtp-form';
import { smtpSettingsQuery } from './smtp-query';

/**
 * Verify and Save for the settings form. A failed test's hint goes under the field it names; errors the
 * API names by field (`body.host`) go under theirs; whatever is left is returned as `problem` for an Alert.
 */
export function useSmtpActions(form: UseFormReturnType<SmtpFormValues>) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<SmtpVerifyReply | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const start = () => {
    form.clearErrors();
    setResult(null);
    setProblem(null);
  };

  const verify = useMutation({
    mutationFn: (values: SmtpFormValues) =>
      unwrap(api.POST('/v1/smtp-settings/verify', { body: toVerifyBody(values) })),
    onMutate: start,
    onSuccess: (reply) => {
      setResult(reply);
      if (!reply.ok && reply.field) form.setFieldError(reply.field, reply.hint);
    },
    onError: (error) => setProblem(showApiErrors(form, error, SMTP_FORM_FIELDS)),
  });

  const save = useMutation({
    mutationFn: (values: SmtpFormValues) => unwrap(api.PUT('/v1/smtp-settings', { body: toSaveBody(values) })),
    onMutate: start,
    onSuccess: (settings) => {
      queryClient.setQueryData(smtpSettingsQuery.queryKey, settings);
      form.setInitialValues(initialValues(settings));
      form.setValues(initialValues(settings));
      notifications.show({ color: 'green', title: 'Saved', message: 'Reports now go out through this mail server.' });
    },
    onError: (error) => {
      setProblem(showApiErrors(form, error, SMTP_FORM_FIELDS));
      notifications.show({ color: 'red', title: 'Not saved', message: 'The settings were not saved: see the form.' });
    },
  });

  return { verify, save, result, problem };
}
