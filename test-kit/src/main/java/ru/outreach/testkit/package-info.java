/** Test support shared by the services: a real broker and the store for integration tests, readers and clients. */
package ru.outreach.testkit;
