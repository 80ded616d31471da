/**
 * Every service as an OAuth2 resource server that denies by default: tokens of the administration's identity
 * provider checked for signature, issuer, audience and expiry; duties from {@code realm_access.roles}; the acting
 * person ({@link ru.outreach.kit.security.Actor}) from the token; 401 and 403 as problem details.
 */
package ru.outreach.kit.security;
