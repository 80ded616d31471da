/** The edge every service shares: strict JSON, RFC 9457 answers for every refusal, the Accept guard, the API docs. */
package ru.outreach.kit.web;
