/** The event contract shared by the services: topic catalog, CloudEvents header names, event records. */
package ru.outreach.events;
