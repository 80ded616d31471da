/** What every feature shares: domain exceptions and their RFC 9457 problem-details answers. */
package ru.outreach.kit.support;
