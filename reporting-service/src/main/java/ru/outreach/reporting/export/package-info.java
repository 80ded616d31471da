/** Downloads of report 1 and report 2 as XLSX and PDF with Russian headings, ready to send on. */
package ru.outreach.reporting.export;
