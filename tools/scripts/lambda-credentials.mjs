// Stands in for @aws-sdk/credential-provider-node in the step Lambda bundles. Lambda hands a
// function its role's credentials in environment variables, so the SDK's full chain (shared
// files, SSO, web identity, instance metadata, with their nested STS and SSO clients) is dead
// weight there: about a fifth of each bundle, parsed on every cold start. The packages' own
// dist keeps the full chain for services that import the adapters elsewhere.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
