/** Loads a realistic demo year through the services' public HTTP APIs, so that a new user sees populated reports. */
package ru.outreach.localstack.demo;
