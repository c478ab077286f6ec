import { z } from 'zod';
import { keyed } from './refusals';
import { CHECKED_DATABASES, QUANTITY_UNITS } from './domain';
import { calendarDate, globalId, MAX_QUANTITY, MIN_QUANTITY, MIN_QUANTITY_MESSAGE } from './validation';

// The register of checks a contact point keeps during an operation, as real PGS results report
// them: licit shipments of precursors checked, and checks against databases with their hits.
// Counts and quantities only: nothing here may name a person, a document or a consignment.

export const MAX_SHIPMENTS_PER_DAY = 1_000_000;
export const MAX_CHECKS_PER_DAY = 10_000_000;

export const recordLicitShipmentsCheckedInput = z
  .object({
    operationId: globalId,
    checkedOn: calendarDate,
    commodityId: globalId,
    shipments: z
      .number()
      .int()
      .min(0)
      .max(MAX_SHIPMENTS_PER_DAY, { error: `At most ${MAX_SHIPMENTS_PER_DAY.toLocaleString('en')} a day` }),
    quantity: z
      .number()
      .min(0)
      .refine((quantity) => quantity === 0 || quantity >= MIN_QUANTITY, {
        error: MIN_QUANTITY_MESSAGE,
        ...keyed('BELOW_LEAST_QUANTITY', { min: MIN_QUANTITY }),
      })
      .max(MAX_QUANTITY)
      .nullish()
      .transform((value) => value ?? null),
    unit: z
      .enum(QUANTITY_UNITS)
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((input, ctx) => {
    if (input.quantity !== null && input.unit === null)
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Give the unit of the quantity', ...keyed('UNIT_REQUIRED') });
    if (input.quantity === null && input.unit !== null)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'A unit without a quantity', ...keyed('UNIT_WITHOUT_QUANTITY') });
    if (input.shipments === 0 && input.quantity !== null && input.quantity > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'No quantity without a shipment checked',
        ...keyed('QUANTITY_WITHOUT_SHIPMENTS'),
      });
    }
  });
export type RecordLicitShipmentsCheckedInput = z.infer<typeof recordLicitShipmentsCheckedInput>;

export const recordDatabaseChecksInput = z
  .object({
    operationId: globalId,
    checkedOn: calendarDate,
    database: z.enum(CHECKED_DATABASES),
    checks: z
      .number()
      .int()
      .min(0)
      .max(MAX_CHECKS_PER_DAY, { error: `At most ${MAX_CHECKS_PER_DAY.toLocaleString('en')} a day` }),
    hits: z.number().int().min(0),
  })
  .superRefine((input, ctx) => {
    // Against a count of checks that is itself wrong, the comparison would only blame the wrong field.
    if (input.checks >= 0 && input.hits > input.checks)
      ctx.addIssue({ code: 'custom', path: ['hits'], message: 'More hits than checks', ...keyed('MORE_HITS_THAN_CHECKS') });
  });
export type RecordDatabaseChecksInput = z.infer<typeof recordDatabaseChecksInput>;
