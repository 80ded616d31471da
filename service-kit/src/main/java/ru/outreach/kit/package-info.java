/** The service kit: what the services share, switched on by auto-configuration. */
package ru.outreach.kit;
