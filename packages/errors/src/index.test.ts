import { describe, expect, it } from 'vitest';
import { AppError, invalidField } from './index.js';

describe('AppError', () => {
  it('maps codes to HTTP statuses', () => {
    expect(new AppError('NOT_FOUND', 'no such schedule').httpStatus).toBe(404);
    expect(new AppError('UNAVAILABLE', 'database down').httpStatus).toBe(503);
  });

  it('names the field in a validation error', () => {
    const error = invalidField('from', 'expected a date as YYYY-MM-DD');
    expect(error.message).toBe('from: expected a date as YYYY-MM-DD');
    expect(error.details).toEqual([{ field: 'from', message: 'expected a date as YYYY-MM-DD' }]);
    expect(error.httpStatus).toBe(400);
  });
});
