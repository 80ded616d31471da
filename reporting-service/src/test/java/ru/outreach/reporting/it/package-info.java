/** Integration tests: the service with the embedded broker and the in-memory store, over HTTP. */
package ru.outreach.reporting.it;
