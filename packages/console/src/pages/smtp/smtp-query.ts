import { ApiError, api, unwrap } from '../../api/client';
import type { SmtpSettings } from './smtp-form';

/** The saved settings, or null while SMTP is not configured (the API answers 404 until the first save). */
export const smtpSettingsQuery = {
  queryKey: ['smtp-settings'],
  queryFn: async (): Promise<SmtpSettings | null> => {
    try {
      return await unwrap(api.GET('/v1/smtp-settings'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
};
