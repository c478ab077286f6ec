import { builder } from './builder';
import './scalars';
import './errors';
import '../modules/accounts/accounts.graphql';
import '../modules/agencies/agencies.graphql';
import '../modules/catalogue/catalogue.graphql';
import '../modules/operations/operations.graphql';
import '../modules/operations/participations.graphql';
import '../modules/events/timeline.graphql';
import '../modules/events/live.graphql';
import '../modules/audit/audit.graphql';
import '../modules/alerts/alerts.graphql';
import '../modules/seizures/seizures.graphql';
import '../modules/seizures/seizure-events.graphql';
import '../modules/seizures/seizure-mutations.graphql';
import '../modules/checks/checks.graphql';
import '../modules/seizures/seizure-import.graphql';

export const schema = builder.toSchema({ sortSchema: true });
