import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { CONSOLE_PATHS } from '../../paths';
import { type Schedule, useDraftTiming, useScheduleSaved } from './schedule-api';
import {
  newScheduleValues,
  placeErrors,
  type ScheduleFormValues,
  scheduleBody,
  scheduleValues,
  timingOf,
} from './schedule-form';

function saveSchedule(schedule: Schedule | null, values: ScheduleFormValues) {
  const body = scheduleBody(values);
  if (!schedule) return unwrap(api.POST('/v1/schedules', { body }));
  // PUT replaces every editable field: the body carries them all.
  return unwrap(api.PUT('/v1/schedules/{id}', { params: { path: { id: schedule.id } }, body }));
}

/**
 * The editor's state: the form, the API's reading of its timing as it changes, and saving (POST for a new
 * schedule, PUT for a saved one) with the API's field errors put beside their inputs.
 */
export function useScheduleEditor(schedule: Schedule | null, defaultTimezone: string) {
  const navigate = useNavigate();
  const saved = useScheduleSaved();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ScheduleFormValues>({
    initialValues: schedule ? scheduleValues(schedule) : newScheduleValues(defaultTimezone),
  });
  const timing = useDraftTiming(timingOf(form.values));
  const save = useMutation({
    mutationFn: (values: ScheduleFormValues) => saveSchedule(schedule, values),
    onMutate: () => setProblem(null),
    onSuccess: async (reply) => {
      await saved(reply);
      const values = scheduleValues(reply);
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      notifications.show({ color: 'green', title: 'Schedule saved', message: reply.description });
      if (!schedule) navigate(`${CONSOLE_PATHS.schedules}/${reply.id}`, { replace: true });
    },
    onError: (error, values) => {
      const { fields, rest } =
        error instanceof ApiError ? placeErrors(error, values) : { fields: {}, rest: error.message };
      form.setErrors(fields);
      setProblem(rest);
    },
  });
  const draftError = timing.error instanceof ApiError ? timing.error : null;
  const errorOf = (field: string) => form.errors[field]?.toString() ?? draftError?.fieldMessage(field);
  return { form, timing, save, problem, errorOf, dirty: form.isDirty() };
}
