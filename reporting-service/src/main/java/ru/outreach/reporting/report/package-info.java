/**
 * The reports for the head, as the JSON API returns them and as the dashboard and the exports show them. These
 * records are the contract between the read models (which compute them) and the page and exports (which show them).
 */
package ru.outreach.reporting.report;
