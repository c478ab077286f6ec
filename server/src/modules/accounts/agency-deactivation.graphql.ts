import { NotFoundError, ValidationError } from '../../domain-errors';
import { builder } from '../../graphql/builder';
import { AgencyType } from '../agencies/agencies.graphql';
import { deactivateAgency } from './agency-deactivation.service';

const DeactivateAgencyInput = builder.inputType('DeactivateAgencyInput', {
  fields: (t) => ({ agencyId: t.id({ required: true }) }),
});

builder.mutationFields((t) => ({
  deactivateAgency: t.field({
    type: AgencyType,
    authScopes: { admin: true },
    description: 'Deactivates the agency: its people cannot sign in, and their sessions and live streams end.',
    args: { input: t.arg({ type: DeactivateAgencyInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => deactivateAgency(ctx, input),
  }),
}));
