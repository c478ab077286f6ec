import { builder } from './builder';
import './scalars';
import './errors';
import '../modules/accounts/accounts.graphql';
import '../modules/agencies/agencies.graphql';
import '../modules/catalogue/catalogue.graphql';

export const schema = builder.toSchema({ sortSchema: true });
