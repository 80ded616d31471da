/**
 * Creates that a client may retry: the {@code Idempotency-Key} request header (IETF HTTP API draft), read and checked
 * at the edge, scoped to the caller, with a fingerprint of the request; the aggregate store keeps it in the created
 * document itself (see {@link ru.outreach.kit.outbox.AggregateStore#create}).
 */
package ru.outreach.kit.idempotency;
